"""Forms of the showcase filters and the owner portal (crispy, Bootstrap 5)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from common.images import MAX_UPLOAD_BYTES
from umkm.models import MAX_PRICE, Business, Category, Kecamatan, Product, validate_one_line
from umkm.selectors import ProductFilter
from umkm.validators import normalize_whatsapp, validate_nib


class ShowcaseFilterForm(forms.Form):
    """GET filters of /umkm/; a bad value is dropped, never an error page."""

    q = forms.CharField(label=_("Cari"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Kategori"), required=False, choices=[("", _("Semua kategori")), *Category.choices]
    )
    kecamatan = forms.ChoiceField(
        label=_("Kecamatan"),
        required=False,
        choices=[("", _("Semua kecamatan")), *sorted(Kecamatan.choices, key=lambda c: c[1])],
    )
    min_price = forms.IntegerField(
        label=_("Harga terendah (Rp)"), required=False, min_value=0, max_value=MAX_PRICE
    )
    max_price = forms.IntegerField(
        label=_("Harga tertinggi (Rp)"), required=False, min_value=0, max_value=MAX_PRICE
    )
    dekranasda = forms.BooleanField(label=_("Hanya kerajinan Dekranasda"), required=False)

    def to_filter(self) -> ProductFilter:
        self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in self.fields}
        return ProductFilter(
            q=(data["q"] or "").strip(),
            category=data["category"] or "",
            kecamatan=data["kecamatan"] or "",
            min_price=data["min_price"],
            max_price=data["max_price"],
            dekranasda=bool(data["dekranasda"]),
        )


class WhatsappField(forms.CharField):
    def clean(self, value):
        return normalize_whatsapp(super().clean(value))


def _helper(submit_label, button_id: str) -> FormHelper:
    # Each form's button its own id: the product page shows two of these forms.
    helper = FormHelper()
    helper.form_tag = False
    helper.add_input(Submit("submit", submit_label, css_class="btn-mpp", css_id=button_id))
    return helper


class RegistrationForm(forms.Form):
    """A new owner account and its business in one step."""

    owner_name = forms.CharField(
        label=_("Nama pemilik"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    username = forms.RegexField(
        label=_("Nama pengguna"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        help_text=_("Huruf, angka dan . @ + - _ saja."),
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Untuk kabar hasil peninjauan."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Kata sandi"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password_again = forms.CharField(
        label=_("Ulangi kata sandi"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    name = forms.CharField(label=_("Nama usaha"), max_length=120, validators=[validate_one_line])
    category = forms.ChoiceField(
        label=_("Kategori"), choices=[("", _("Pilih kategori")), *Category.choices]
    )
    kecamatan = forms.ChoiceField(
        label=_("Kecamatan"),
        choices=[("", _("Pilih kecamatan")), *sorted(Kecamatan.choices, key=lambda c: c[1])],
    )
    address = forms.CharField(label=_("Alamat usaha"), max_length=255)
    whatsapp = WhatsappField(
        label=_("Nomor WhatsApp"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "tel", "inputmode": "tel", "placeholder": "0812 3456 7890"}
        ),
    )
    description = forms.CharField(
        label=_("Tentang usaha"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Daftar"), "tombol-daftar")
        self.helper.layout = Layout(
            Fieldset(
                _("Akun pemilik"),
                "owner_name",
                "username",
                "email",
                "password",
                "password_again",
            ),
            Fieldset(
                _("Usaha"),
                "name",
                "category",
                "kecamatan",
                "address",
                "whatsapp",
                "description",
            ),
        )

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Nama pengguna ini sudah dipakai."))
        return username

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password and password != cleaned.get("password_again"):
            self.add_error("password_again", _("Kata sandi tidak sama."))
        elif password:
            user = get_user_model()(
                username=cleaned.get("username", ""), email=cleaned.get("email", "")
            )
            try:
                validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class BusinessForm(forms.ModelForm):
    whatsapp = WhatsappField(label=_("Nomor WhatsApp"), max_length=20)
    instagram_url = forms.URLField(label="Instagram", required=False, assume_scheme="https")
    facebook_url = forms.URLField(label="Facebook", required=False, assume_scheme="https")
    marketplace_url = forms.URLField(
        label=_("Toko daring (marketplace)"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Business
        fields = [
            "name",
            "description",
            "category",
            "kecamatan",
            "address",
            "whatsapp",
            "instagram_url",
            "facebook_url",
            "marketplace_url",
            "nib",
            "halal_certificate",
            "is_dekranasda_member",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nib"].validators.append(validate_nib)
        self.helper = _helper(_("Simpan profil"), "tombol-simpan-profil")

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data}


class ProductForm(forms.ModelForm):
    price = forms.IntegerField(label=_("Harga (Rp)"), min_value=1, max_value=MAX_PRICE)

    class Meta:
        model = Product
        fields = ["name", "description", "price", "unit", "category", "is_available"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Simpan produk"), "tombol-simpan-produk")

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data}


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Foto produk"),
        help_text=_("JPEG, PNG atau WebP, paling besar 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("Keterangan foto"),
        max_length=200,
        required=False,
        help_text=_('Untuk pembaca layar, mis. "Amplang udang dalam kemasan 250 g".'),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Unggah foto"), "tombol-unggah-foto")

    def clean_photo(self):
        photo = self.cleaned_data["photo"]
        if photo.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Ukuran foto paling besar 5 MB."))
        return photo


class BoothChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, booth):
        return f"{booth.code} — {booth.area} ({booth.facilities})"


class BoothApplicationForm(forms.Form):
    """An owner's booths in order of preference for one period, and what they will bring."""

    first = BoothChoiceField(label=_("Pilihan pertama"), queryset=None, empty_label=_("Pilih stan"))
    second = BoothChoiceField(
        label=_("Pilihan kedua"), queryset=None, required=False, empty_label=_("Tidak ada")
    )
    third = BoothChoiceField(
        label=_("Pilihan ketiga"), queryset=None, required=False, empty_label=_("Tidak ada")
    )
    products = forms.CharField(
        label=_("Produk yang akan dibawa"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mis. amplang udang 250 g, kerupuk ikan, sambal roa."),
    )
    notify = forms.BooleanField(
        label=_("Kirim keputusan dan pengingat ke WhatsApp usaha dan email akun saya"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, booths, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first", "second", "third"):
            self.fields[name].queryset = booths
        self.helper = _helper(_("Kirim pendaftaran"), "tombol-daftar-stan")

    def clean(self):
        cleaned = super().clean()
        chosen = [cleaned.get(name) for name in ("first", "second", "third") if cleaned.get(name)]
        if len(set(chosen)) != len(chosen):
            raise forms.ValidationError(_("Setiap pilihan harus stan yang berbeda."))
        cleaned["booths"] = chosen
        return cleaned
