"""Pages of the showcase (public) and of the owner portal (/umkm/akun/)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from common import clock
from common.errors import DomainError
from common.qr import qr_svg_file
from umkm import booth_selectors, booth_services, selectors, services
from umkm.caching import cached_showcase_page, shared_parts
from umkm.forms import (
    BoothApplicationForm,
    BusinessForm,
    PhotoForm,
    ProductForm,
    RegistrationForm,
    ShowcaseFilterForm,
)
from umkm.models import Business, Product

PRODUCTS_PER_PAGE = 24
BUSINESSES_ON_SHOWCASE = 12


@cached_showcase_page
def showcase(request):
    form = ShowcaseFilterForm(request.GET)
    filters = form.to_filter()
    products = selectors.public_product_cards(filters)
    query = request.GET.copy()
    query.pop("halaman", None)
    query = query.urlencode()
    # The count, the filter form and the businesses are the same on every page of the same
    # filters (the businesses at every price too): each is made for the first page asked
    # and shared under the showcase version with the others.
    parts = {
        "count": (filters, products.count),
        "businesses": (
            filters.for_businesses(),
            lambda: render_to_string(
                "umkm/_businesses.html",
                {"businesses": selectors.public_businesses(filters)[:BUSINESSES_ON_SHOWCASE]},
            ),
        ),
    }
    if not request.htmx:
        parts["filters"] = (
            query,
            lambda: render_to_string("umkm/_filters.html", {"form": form}),
        )
    shared = shared_parts(request, parts)
    paginator = Paginator(products, PRODUCTS_PER_PAGE)
    paginator.count = shared["count"]
    context = {
        "page": paginator.get_page(request.GET.get("halaman")),
        "query": query,
        "businesses_html": shared["businesses"],
        "filters_html": shared.get("filters"),
    }
    template = "umkm/_results.html" if request.htmx else "umkm/showcase.html"
    return render(request, template, context)


@cached_showcase_page
def business_detail(request, business):
    business = selectors.public_business(business)
    return render(
        request,
        "umkm/business.html",
        {
            "business": business,
            "products": selectors.public_business_products(business),
            "next_at_mall": booth_selectors.next_at_mall(business, clock.today()),
        },
    )


def at_the_mall(request):
    """Who sells at each location this week and at the coming events, on the plans."""
    this_week, upcoming = booth_selectors.at_the_mall(clock.today())
    return render(request, "umkm/at_the_mall.html", {"this_week": this_week, "upcoming": upcoming})


def product_json_ld(request, product: Product) -> dict:
    """schema.org Product data for search engines."""
    url = request.build_absolute_uri(product.get_absolute_url())
    return {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description,
        "category": product.get_category_display(),
        "url": url,
        "image": [request.build_absolute_uri(photo.image.url) for photo in product.photos.all()],
        "brand": {"@type": "Brand", "name": product.business.name},
        "offers": {
            "@type": "Offer",
            "price": str(product.price),
            "priceCurrency": "IDR",
            "availability": "https://schema.org/InStock",
            "url": url,
            "seller": {"@type": "Organization", "name": product.business.name},
        },
    }


@cached_showcase_page
def product_detail(request, business, product):
    product = selectors.public_product(business, product)
    return render(
        request,
        "umkm/product.html",
        {
            "product": product,
            "business": product.business,
            "next_at_mall": booth_selectors.next_at_mall(product.business, clock.today()),
            "share_url": request.build_absolute_uri(product.get_absolute_url()),
            "json_ld": product_json_ld(request, product),
        },
    )


@cache_control(public=True, max_age=24 * 3600)
def product_qr(request, business, product):
    product = selectors.public_product(business, product)
    url = request.build_absolute_uri(product.get_absolute_url())
    return HttpResponse(qr_svg_file(url, scale=6, title=product.name), content_type="image/svg+xml")


def register(request):
    if request.user.is_authenticated:
        if selectors.owner_business(request.user):
            return redirect("umkm:dashboard")
        return render(request, "umkm/owner/register.html", {"signed_in_elsewhere": True})
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "password_again"}
        try:
            business = services.business_register(**data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            login(request, business.owner, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Pendaftaran diterima. Kami akan meninjau usaha Anda."))
            return redirect("umkm:dashboard")
    return render(request, "umkm/owner/register.html", {"form": form})


def owner_required(view):
    """Signed-in owners only; the view receives the owner's own business."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        business = selectors.owner_business(request.user)
        if business is None:
            messages.info(request, _("Akun ini belum memiliki usaha. Daftarkan usaha Anda."))
            return redirect("umkm:register")
        return view(request, business, *args, **kwargs)

    return wrapper


@owner_required
def dashboard(request, business: Business):
    return render(
        request,
        "umkm/owner/dashboard.html",
        {
            "business": business,
            "pending_change": selectors.pending_change(business),
            "products": selectors.owner_products(request.user),
        },
    )


@owner_required
def business_edit(request, business: Business):
    pending = selectors.pending_change(business)
    # The owner edits on top of what they proposed, not of what the public still sees.
    form = BusinessForm(
        request.POST or None, instance=business, initial=pending.proposed if pending else None
    )
    if request.method == "POST" and form.is_valid():
        if services.business_update(business=business, changes=form.changes()):
            messages.info(
                request,
                _(
                    "Profil usaha disimpan. Perubahan nama, deskripsi, kontak, tautan dan "
                    "legalitas menunggu peninjauan pengelola MPP; sampai disetujui, etalase "
                    "menampilkan data yang lama."
                ),
            )
        else:
            messages.success(request, _("Profil usaha disimpan."))
        return redirect("umkm:dashboard")
    return render(
        request,
        "umkm/owner/business_form.html",
        {"form": form, "business": business, "pending_change": pending},
    )


@owner_required
def product_create(request, business: Business):
    form = ProductForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        product = services.product_create(business=business, **form.cleaned_data)
        messages.success(request, _("Produk ditambahkan. Sekarang unggah fotonya."))
        return redirect("umkm:product_edit", pk=product.pk)
    return render(request, "umkm/owner/product_form.html", {"form": form, "business": business})


@owner_required
def product_edit(request, business: Business, pk: int):
    product = selectors.owner_product(request.user, pk)
    form = ProductForm(request.POST or None, instance=product)
    if request.method == "POST" and form.is_valid():
        services.product_update(product=product, changes=form.changes())
        messages.success(request, _("Produk disimpan."))
        return redirect("umkm:product_edit", pk=product.pk)
    return render(
        request,
        "umkm/owner/product_form.html",
        {"form": form, "business": business, "product": product, "photo_form": PhotoForm()},
    )


@owner_required
def product_delete(request, business: Business, pk: int):
    product = selectors.owner_product(request.user, pk)
    if request.method == "POST":
        services.product_delete(product=product)
        messages.success(request, _("Produk %(name)s dihapus.") % {"name": product.name})
        return redirect("umkm:dashboard")
    return render(request, "umkm/owner/product_delete.html", {"product": product})


@require_POST
@owner_required
def photo_upload(request, business: Business, pk: int):
    product = selectors.owner_product(request.user, pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.product_photo_add(
                product=product,
                upload=form.cleaned_data["photo"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except DomainError as error:
            form.add_error("photo", error.message)
        else:
            messages.success(request, _("Foto diunggah."))
            return redirect("umkm:product_edit", pk=product.pk)
    return render(
        request,
        "umkm/owner/product_form.html",
        {
            "form": ProductForm(instance=product),
            "business": business,
            "product": product,
            "photo_form": form,
        },
        status=422,
    )


@require_POST
@owner_required
def photo_delete(request, business: Business, pk: int):
    photo = selectors.owner_photo(request.user, pk)
    services.product_photo_delete(photo=photo)
    messages.success(request, _("Foto dihapus."))
    return redirect("umkm:product_edit", pk=photo.product_id)


@owner_required
def owner_booths(request, business: Business):
    return render(
        request,
        "umkm/owner/booths.html",
        {
            "business": business,
            "periods": booth_selectors.open_periods(clock.today()),
            "applications": booth_selectors.owner_applications(request.user),
        },
    )


@owner_required
def owner_booth_apply(request, business: Business, period: str):
    period = booth_selectors.open_period(period, clock.today())
    form = BoothApplicationForm(request.POST or None, booths=period.booths.all())
    if request.method == "POST" and form.is_valid():
        try:
            booth_services.booth_application_submit(
                business=business,
                period=period,
                booths=form.cleaned_data["booths"],
                products=form.cleaned_data["products"],
                notify=form.cleaned_data["notify"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Pendaftaran stan terkirim. Keputusan pengelola tampil di sini.")
            )
            return redirect("umkm:owner_booths")
    plan = booth_selectors.period_plan(period)
    return render(
        request,
        "umkm/owner/booth_apply.html",
        {"business": business, "period": period, "form": form, "plan": plan},
        status=422 if form.errors else 200,
    )
