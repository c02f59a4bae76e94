"""URLs of the queue, the survey and the reports, each listed by its own domain, under one
namespace ("counters:…") so that every link made before keeps working. Booking pages have
their own prefix (/reservasi/, counters.booking.urls)."""

from counters.queue.urls import urlpatterns as queue
from counters.reports.urls import urlpatterns as reports
from counters.survey.report_urls import urlpatterns as skm_report
from counters.survey.suggestions.urls import urlpatterns as suggestions
from counters.survey.urls import urlpatterns as survey

app_name = "counters"


urlpatterns = [*queue, *survey, *suggestions, *reports, *skm_report]
