"""URLs of the showcase (/umkm/) and the owner portal (/umkm/akun/)."""

from django.urls import path

from umkm import views

app_name = "umkm"

urlpatterns = [
    path("", views.showcase, name="showcase"),
    path("di-mpp/", views.at_the_mall, name="at_the_mall"),
    path("akun/", views.dashboard, name="dashboard"),
    path("akun/stan/", views.owner_booths, name="owner_booths"),
    path("akun/stan/<slug:period>/", views.owner_booth_apply, name="owner_booth_apply"),
    path("akun/daftar/", views.register, name="register"),
    path("akun/profil/", views.business_edit, name="business_edit"),
    path("akun/produk/baru/", views.product_create, name="product_create"),
    path("akun/produk/<int:pk>/", views.product_edit, name="product_edit"),
    path("akun/produk/<int:pk>/hapus/", views.product_delete, name="product_delete"),
    path("akun/produk/<int:pk>/foto/", views.photo_upload, name="photo_upload"),
    path("akun/foto/<int:pk>/hapus/", views.photo_delete, name="photo_delete"),
    path("<slug:business>/", views.business_detail, name="business"),
    path("<slug:business>/<slug:product>/", views.product_detail, name="product"),
    path("<slug:business>/<slug:product>/qr.svg", views.product_qr, name="product_qr"),
]
