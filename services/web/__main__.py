from services.web.bootstrap import spec
from shared.service import run_service

run_service(spec())
