"""Root URLs; each agency's admin site is added per request by mpp.tenancy."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from mpp import views
from mpp.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("layanan/", include("services.urls")),
    path("", include("services.mall_urls")),
    path("bahasa/<str:code>/", views.switch_language, name="switch_language"),
    path("akun/masuk/", auth_views.LoginView.as_view(), name="login"),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("umkm/", include("umkm.urls")),
    path("api/v1/", api.urls),
    path("webhooks/", include("notifications.urls")),
    path("reservasi/", include("counters.booking.urls")),
    # Before any "pengaduan/" include: /pengaduan/tanya-jawab/ is not a complaint's code.
    path("", include("complaints.staff_urls")),
    path("transparansi/", views.transparency, name="transparency"),
    path("transparansi/data.json", views.transparency_data_json, name="transparency_json"),
    path("transparansi/<slug:table>.csv", views.transparency_csv, name="transparency_csv"),
    path("", include("cases.reports.urls")),
    path("", include("cases.staff_urls")),
    path("lacak/", include("cases.urls")),
    path("pengaduan/", include("complaints.urls")),
    path("", include("counters.urls")),
]

if settings.BENCH_FLOORS:
    from mpp import bench_views

    urlpatterns += [
        path("bench/floor", bench_views.floor),
        path("bench/write-floor", bench_views.write_floor),
    ]

if settings.DEBUG:
    # Production serves uploads from nginx (deploy/nginx/mpp.conf).
    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", views.media_file)]
