""" Contains all the data models used in inputs/outputs """

from .accepted import Accepted
from .access_token import AccessToken
from .account import Account
from .account_created import AccountCreated
from .account_update import AccountUpdate
from .account_update_locale_type_0 import AccountUpdateLocaleType0
from .activity_record import ActivityRecord
from .activity_record_update import ActivityRecordUpdate
from .addon_uptake import AddonUptake
from .addons_report import AddonsReport
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .approval_decision import ApprovalDecision
from .approval_decision_decision import ApprovalDecisionDecision
from .audit_entry import AuditEntry
from .audit_entry_detail import AuditEntryDetail
from .availability import Availability
from .availability_time_zones import AvailabilityTimeZones
from .booking import Booking
from .booking_accepted import BookingAccepted
from .booking_cancel import BookingCancel
from .booking_create import BookingCreate
from .booking_hit import BookingHit
from .booking_local import BookingLocal
from .booking_publicity import BookingPublicity
from .booking_summary import BookingSummary
from .booking_update import BookingUpdate
from .bookings_report import BookingsReport
from .cancellation import Cancellation
from .cancellation_tier import CancellationTier
from .catering_wanted import CateringWanted
from .catering_wanted_dietary import CateringWantedDietary
from .change import Change
from .closure import Closure
from .closure_answer import ClosureAnswer
from .closure_create import ClosureCreate
from .closure_local import ClosureLocal
from .consumer_lag import ConsumerLag
from .country_count import CountryCount
from .dead_letter import DeadLetter
from .dead_letter_detail import DeadLetterDetail
from .dead_letter_detail_headers import DeadLetterDetailHeaders
from .dead_letter_replay import DeadLetterReplay
from .decide_approval_response_200 import DecideApprovalResponse200
from .desk_vendor_task import DeskVendorTask
from .desk_vendor_task_answer_due_local_type_0 import DeskVendorTaskAnswerDueLocalType0
from .field_error import FieldError
from .free_times import FreeTimes
from .free_window import FreeWindow
from .free_window_local import FreeWindowLocal
from .get_guests_reveal_type_1 import GetGuestsRevealType1
from .get_guests_reveal_type_2_type_1 import GetGuestsRevealType2Type1
from .get_guests_reveal_type_3_type_1 import GetGuestsRevealType3Type1
from .guest import Guest
from .guest_create import GuestCreate
from .guest_data_access import GuestDataAccess
from .guest_data_access_detail import GuestDataAccessDetail
from .guest_list import GuestList
from .guest_list_update import GuestListUpdate
from .health import Health
from .health_checks import HealthChecks
from .interpreting_wanted import InterpretingWanted
from .layout import Layout
from .line_availability import LineAvailability
from .list_guest_data_accesses_action_type_1 import ListGuestDataAccessesActionType1
from .list_guest_data_accesses_action_type_2_type_1 import ListGuestDataAccessesActionType2Type1
from .list_guest_data_accesses_action_type_3_type_1 import ListGuestDataAccessesActionType3Type1
from .list_planning_tasks_status_type_1 import ListPlanningTasksStatusType1
from .list_planning_tasks_status_type_2_type_1 import ListPlanningTasksStatusType2Type1
from .list_planning_tasks_status_type_3_type_1 import ListPlanningTasksStatusType3Type1
from .list_sagas_kind_type_1 import ListSagasKindType1
from .list_sagas_kind_type_2_type_1 import ListSagasKindType2Type1
from .list_sagas_kind_type_3_type_1 import ListSagasKindType3Type1
from .list_sagas_state_type_1 import ListSagasStateType1
from .list_sagas_state_type_2_type_1 import ListSagasStateType2Type1
from .list_sagas_state_type_3_type_1 import ListSagasStateType3Type1
from .list_vendor_tasks_kind_type_1 import ListVendorTasksKindType1
from .list_vendor_tasks_kind_type_2_type_1 import ListVendorTasksKindType2Type1
from .list_vendor_tasks_kind_type_3_type_1 import ListVendorTasksKindType3Type1
from .list_vendor_tasks_state_type_1 import ListVendorTasksStateType1
from .list_vendor_tasks_state_type_2_type_1 import ListVendorTasksStateType2Type1
from .list_vendor_tasks_state_type_3_type_1 import ListVendorTasksStateType3Type1
from .month_revenue import MonthRevenue
from .network_availability import NetworkAvailability
from .notification_failure import NotificationFailure
from .occurrence_cancelled import OccurrenceCancelled
from .occurrence_cancelled_status import OccurrenceCancelledStatus
from .occurrence_changed import OccurrenceChanged
from .occurrence_preview import OccurrencePreview
from .ops_audit_entry import OpsAuditEntry
from .ops_audit_entry_detail import OpsAuditEntryDetail
from .ops_health import OpsHealth
from .option_convert import OptionConvert
from .option_expiry import OptionExpiry
from .organizer import Organizer
from .organizer_counts import OrganizerCounts
from .organizer_counts_by_status import OrganizerCountsByStatus
from .organizer_create import OrganizerCreate
from .overdue_vendor_task import OverdueVendorTask
from .overdue_vendor_task_answer_due_local_type_0 import OverdueVendorTaskAnswerDueLocalType0
from .password_reset_confirm import PasswordResetConfirm
from .password_reset_create import PasswordResetCreate
from .pending_approval import PendingApproval
from .performance_sheet import PerformanceSheet
from .planning_request_create import PlanningRequestCreate
from .planning_task import PlanningTask
from .planning_task_update import PlanningTaskUpdate
from .planning_task_update_status_type_1 import PlanningTaskUpdateStatusType1
from .planning_task_update_status_type_2_type_1 import PlanningTaskUpdateStatusType2Type1
from .planning_task_update_status_type_3_type_1 import PlanningTaskUpdateStatusType3Type1
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .public_event import PublicEvent
from .public_event_space_name import PublicEventSpaceName
from .publicity import Publicity
from .purpose import Purpose
from .quote import Quote
from .quote_create import QuoteCreate
from .quote_line import QuoteLine
from .quote_line_code import QuoteLineCode
from .quote_line_params import QuoteLineParams
from .revenue_report import RevenueReport
from .saga import Saga
from .saga_page import SagaPage
from .saga_page_counts import SagaPageCounts
from .saga_page_counts_additional_property import SagaPageCountsAdditionalProperty
from .saga_step import SagaStep
from .series import Series
from .series_cancel import SeriesCancel
from .series_cancel_scope import SeriesCancelScope
from .series_cancellation import SeriesCancellation
from .series_change import SeriesChange
from .series_create import SeriesCreate
from .series_create_mode import SeriesCreateMode
from .series_mode import SeriesMode
from .series_occurrence import SeriesOccurrence
from .series_preview import SeriesPreview
from .series_update import SeriesUpdate
from .series_update_scope import SeriesUpdateScope
from .service_health import ServiceHealth
from .service_health_checks import ServiceHealthChecks
from .session import Session
from .session_create import SessionCreate
from .session_refresh import SessionRefresh
from .session_revoke import SessionRevoke
from .sign_in_link_create import SignInLinkCreate
from .sign_in_link_verify import SignInLinkVerify
from .signup_create import SignupCreate
from .signup_create_locale import SignupCreateLocale
from .signup_verify import SignupVerify
from .sort import Sort
from .space import Space
from .space_availability import SpaceAvailability
from .space_availability_name import SpaceAvailabilityName
from .space_month import SpaceMonth
from .space_name import SpaceName
from .status_count import StatusCount
from .stuck_sagas import StuckSagas
from .utilisation_report import UtilisationReport
from .vendor_task import VendorTask
from .vendor_task_answer_due_local_type_0 import VendorTaskAnswerDueLocalType0
from .waiting_step import WaitingStep
from .waitlist_entry import WaitlistEntry
from .waitlist_item import WaitlistItem
from .window import Window

__all__ = (
    "Accepted",
    "AccessToken",
    "Account",
    "AccountCreated",
    "AccountUpdate",
    "AccountUpdateLocaleType0",
    "ActivityRecord",
    "ActivityRecordUpdate",
    "AddonsReport",
    "AddonUptake",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApprovalDecision",
    "ApprovalDecisionDecision",
    "AuditEntry",
    "AuditEntryDetail",
    "Availability",
    "AvailabilityTimeZones",
    "Booking",
    "BookingAccepted",
    "BookingCancel",
    "BookingCreate",
    "BookingHit",
    "BookingLocal",
    "BookingPublicity",
    "BookingsReport",
    "BookingSummary",
    "BookingUpdate",
    "Cancellation",
    "CancellationTier",
    "CateringWanted",
    "CateringWantedDietary",
    "Change",
    "Closure",
    "ClosureAnswer",
    "ClosureCreate",
    "ClosureLocal",
    "ConsumerLag",
    "CountryCount",
    "DeadLetter",
    "DeadLetterDetail",
    "DeadLetterDetailHeaders",
    "DeadLetterReplay",
    "DecideApprovalResponse200",
    "DeskVendorTask",
    "DeskVendorTaskAnswerDueLocalType0",
    "FieldError",
    "FreeTimes",
    "FreeWindow",
    "FreeWindowLocal",
    "GetGuestsRevealType1",
    "GetGuestsRevealType2Type1",
    "GetGuestsRevealType3Type1",
    "Guest",
    "GuestCreate",
    "GuestDataAccess",
    "GuestDataAccessDetail",
    "GuestList",
    "GuestListUpdate",
    "Health",
    "HealthChecks",
    "InterpretingWanted",
    "Layout",
    "LineAvailability",
    "ListGuestDataAccessesActionType1",
    "ListGuestDataAccessesActionType2Type1",
    "ListGuestDataAccessesActionType3Type1",
    "ListPlanningTasksStatusType1",
    "ListPlanningTasksStatusType2Type1",
    "ListPlanningTasksStatusType3Type1",
    "ListSagasKindType1",
    "ListSagasKindType2Type1",
    "ListSagasKindType3Type1",
    "ListSagasStateType1",
    "ListSagasStateType2Type1",
    "ListSagasStateType3Type1",
    "ListVendorTasksKindType1",
    "ListVendorTasksKindType2Type1",
    "ListVendorTasksKindType3Type1",
    "ListVendorTasksStateType1",
    "ListVendorTasksStateType2Type1",
    "ListVendorTasksStateType3Type1",
    "MonthRevenue",
    "NetworkAvailability",
    "NotificationFailure",
    "OccurrenceCancelled",
    "OccurrenceCancelledStatus",
    "OccurrenceChanged",
    "OccurrencePreview",
    "OpsAuditEntry",
    "OpsAuditEntryDetail",
    "OpsHealth",
    "OptionConvert",
    "OptionExpiry",
    "Organizer",
    "OrganizerCounts",
    "OrganizerCountsByStatus",
    "OrganizerCreate",
    "OverdueVendorTask",
    "OverdueVendorTaskAnswerDueLocalType0",
    "PasswordResetConfirm",
    "PasswordResetCreate",
    "PendingApproval",
    "PerformanceSheet",
    "PlanningRequestCreate",
    "PlanningTask",
    "PlanningTaskUpdate",
    "PlanningTaskUpdateStatusType1",
    "PlanningTaskUpdateStatusType2Type1",
    "PlanningTaskUpdateStatusType3Type1",
    "Problem",
    "ProblemErrorsItem",
    "PublicEvent",
    "PublicEventSpaceName",
    "Publicity",
    "Purpose",
    "Quote",
    "QuoteCreate",
    "QuoteLine",
    "QuoteLineCode",
    "QuoteLineParams",
    "RevenueReport",
    "Saga",
    "SagaPage",
    "SagaPageCounts",
    "SagaPageCountsAdditionalProperty",
    "SagaStep",
    "Series",
    "SeriesCancel",
    "SeriesCancellation",
    "SeriesCancelScope",
    "SeriesChange",
    "SeriesCreate",
    "SeriesCreateMode",
    "SeriesMode",
    "SeriesOccurrence",
    "SeriesPreview",
    "SeriesUpdate",
    "SeriesUpdateScope",
    "ServiceHealth",
    "ServiceHealthChecks",
    "Session",
    "SessionCreate",
    "SessionRefresh",
    "SessionRevoke",
    "SignInLinkCreate",
    "SignInLinkVerify",
    "SignupCreate",
    "SignupCreateLocale",
    "SignupVerify",
    "Sort",
    "Space",
    "SpaceAvailability",
    "SpaceAvailabilityName",
    "SpaceMonth",
    "SpaceName",
    "StatusCount",
    "StuckSagas",
    "UtilisationReport",
    "VendorTask",
    "VendorTaskAnswerDueLocalType0",
    "WaitingStep",
    "WaitlistEntry",
    "WaitlistItem",
    "Window",
)
