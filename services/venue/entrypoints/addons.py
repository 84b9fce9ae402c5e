"""The controllers of quotes, network lines, planning, calendars, activity records and the vendor-task desk."""

from __future__ import annotations

from services.venue.entrypoints.calendar_http import BookingCalendarController, SpaceCalendarController
from services.venue.entrypoints.network_lines_http import NetworkLinesController
from services.venue.entrypoints.planning_http import PlanningRequestsController, PlanningTasksController
from services.venue.entrypoints.quotes_http import QuotesController
from services.venue.entrypoints.records_http import ActivityRecordsController, StatsController
from services.venue.entrypoints.vendor_tasks_http import VendorTaskDeskController

ADDON_CONTROLLERS = [
    QuotesController,
    NetworkLinesController,
    PlanningRequestsController,
    PlanningTasksController,
    BookingCalendarController,
    SpaceCalendarController,
    ActivityRecordsController,
    StatsController,
    VendorTaskDeskController,
]
