from enum import StrEnum

class Purpose(StrEnum):
    ACCESS_CONTROL = "access_control"
    DATA_SUBJECT_REQUEST = "data_subject_request"
    INCIDENT_RESPONSE = "incident_response"
    LEGAL_OBLIGATION = "legal_obligation"
    SECURITY_REGISTRATION = "security_registration"

    def __str__(self) -> str:
        return str(self.value)
