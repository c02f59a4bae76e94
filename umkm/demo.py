"""Demo UMKM of Kutai Timur with products and generated placeholder photos (seed_demo)."""

import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from umkm.images import prepare_photo
from umkm.models import Business, Category, Kecamatan, Product, ProductPhoto

DEMO_PASSWORD = "mpp-demo-2026"
EXPO = "Gedung Expo Sangatta"

K = Kecamatan
C = Category

PALETTE = {
    C.CAMILAN: (214, 137, 16),
    C.MINUMAN: (111, 78, 55),
    C.HASIL_HUTAN: (196, 142, 0),
    C.PANGAN: (150, 90, 40),
    C.PERIKANAN: (21, 101, 140),
    C.KERAJINAN: (120, 72, 30),
    C.KAIN: (128, 25, 60),
}


@dataclass
class DemoBusiness:
    name: str
    category: str
    kecamatan: str
    address: str
    description: str
    products: list = field(default_factory=list)
    dekranasda: bool = False
    booth: str = ""
    halal: bool = False
    status: str = Business.Status.APPROVED
    note: str = ""


B = DemoBusiness

# (name, price in Rupiah, unit, description[, category when it differs from the business])
BUSINESSES = [
    B(
        "Amplang Tenggiri Bu Hasnah",
        C.CAMILAN,
        K.SANGKULIRANG,
        "Jl. Poros Sangkulirang, Desa Benua Baru",
        "Amplang ikan tenggiri buatan rumahan sejak 2009, digoreng setiap pagi.",
        [
            (
                "Amplang Tenggiri Original",
                35000,
                "bungkus 250 g",
                "Amplang renyah dari ikan tenggiri segar dan sagu.",
            ),
            (
                "Amplang Tenggiri Pedas",
                37000,
                "bungkus 250 g",
                "Amplang tenggiri dengan bubuk cabai, pedas sedang.",
            ),
            (
                "Amplang Tenggiri Toples",
                65000,
                "toples 500 g",
                "Kemasan toples untuk oleh-oleh dan hantaran.",
            ),
        ],
        booth="U-01",
        halal=True,
    ),
    B(
        "Kerupuk Udang Sandaran Jaya",
        C.PERIKANAN,
        K.SANDARAN,
        "Desa Manubar, Kecamatan Sandaran",
        "Kerupuk dan terasi dari udang hasil tangkapan nelayan Sandaran.",
        [
            (
                "Kerupuk Udang Mentah",
                40000,
                "bungkus 500 g",
                "Kerupuk udang siap goreng, mengembang besar.",
            ),
            (
                "Terasi Udang Sandaran",
                25000,
                "batang 250 g",
                "Terasi udang rebon fermentasi tradisional.",
            ),
            (
                "Udang Kering Kupas",
                85000,
                "bungkus 250 g",
                "Udang kering kupas untuk sambal dan masakan.",
            ),
            ("Petis Udang", 30000, "botol 250 g", "Petis hitam kental dari kaldu udang."),
        ],
        halal=True,
    ),
    B(
        "Kopi Tepian Bengalon",
        C.MINUMAN,
        K.BENGALON,
        "Desa Sepaso, Kecamatan Bengalon",
        "Kelompok tani kopi robusta dan liberika di kaki perbukitan Bengalon.",
        [
            (
                "Kopi Robusta Bengalon Bubuk",
                45000,
                "bungkus 200 g",
                "Robusta sangrai sedang, digiling halus untuk kopi tubruk.",
            ),
            (
                "Kopi Liberika Biji Sangrai",
                60000,
                "bungkus 200 g",
                "Liberika dengan aroma nangka, sangrai medium.",
            ),
            (
                "Kopi Robusta Green Bean",
                95000,
                "kg",
                "Biji kopi mentah petik merah untuk penyangrai.",
            ),
            (
                "Cascara Kopi Bengalon",
                35000,
                "bungkus 100 g",
                "Teh dari kulit buah kopi yang dikeringkan.",
            ),
        ],
        booth="U-02",
    ),
    B(
        "Madu Hutan Wehea",
        C.HASIL_HUTAN,
        K.MUARA_WAHAU,
        "Desa Nehas Liah Bing, Kecamatan Muara Wahau",
        "Madu hutan dari pohon banggeris yang dipanen masyarakat Dayak Wehea secara lestari.",
        [
            (
                "Madu Hutan Banggeris",
                150000,
                "botol 500 ml",
                "Madu hutan liar, dipanen dengan cara tradisional tanpa merusak sarang.",
            ),
            ("Madu Hutan Banggeris Kecil", 80000, "botol 250 ml", "Ukuran kecil untuk dicoba."),
            ("Sarang Madu Potong", 120000, "kotak 300 g", "Sarang madu utuh dari hutan Wehea."),
        ],
        dekranasda=True,
        booth="D-01",
    ),
    B(
        "Kelulut Long Mesangat",
        C.HASIL_HUTAN,
        K.LONG_MESANGAT,
        "Desa Sumber Sari, Kecamatan Long Mesangat",
        "Budidaya lebah kelulut (tanpa sengat) di pekarangan dan kebun.",
        [
            (
                "Madu Kelulut Asam Manis",
                175000,
                "botol 350 ml",
                "Madu lebah kelulut dengan rasa asam segar khas.",
            ),
            ("Bee Pollen Kelulut", 90000, "botol 100 g", "Serbuk sari kelulut kering."),
            ("Propolis Kelulut", 110000, "botol 30 ml", "Ekstrak propolis dari sarang kelulut."),
        ],
    ),
    B(
        "Gula Aren Rantau Pulung",
        C.PANGAN,
        K.RANTAU_PULUNG,
        "Desa Mukti Jaya, Kecamatan Rantau Pulung",
        "Kelompok perajin gula aren dari nira pohon aren kebun warga.",
        [
            (
                "Gula Aren Batok",
                30000,
                "kg",
                "Gula aren cetak batok kelapa, tanpa campuran gula pasir.",
            ),
            (
                "Gula Semut Aren",
                25000,
                "bungkus 250 g",
                "Gula aren kristal, mudah larut untuk kopi dan kue.",
            ),
            ("Sirup Gula Aren", 35000, "botol 330 ml", "Sirup aren kental untuk minuman kekinian."),
            ("Kolang-kaling Segar", 20000, "kg", "Buah aren rebus siap diolah jadi manisan."),
        ],
        halal=True,
        booth="U-03",
    ),
    B(
        "Anjat Rotan Ancalong",
        C.KERAJINAN,
        K.MUARA_ANCALONG,
        "Desa Kelinjau Ulu, Kecamatan Muara Ancalong",
        "Anyaman rotan Dayak Kenyah: anjat, tikar dan keranjang.",
        [
            (
                "Anjat Rotan Motif Kenyah",
                450000,
                "buah",
                "Tas punggung rotan tradisional dengan motif Kenyah.",
            ),
            (
                "Tikar Rotan Lampit",
                850000,
                "lembar 150 x 200 cm",
                "Tikar rotan anyaman rapat, awet puluhan tahun.",
            ),
            (
                "Keranjang Rotan Kecil",
                95000,
                "buah",
                "Keranjang serbaguna untuk buah dan perlengkapan rumah.",
            ),
            ("Tatakan Gelas Rotan", 60000, "set isi 6", "Tatakan gelas anyaman rotan halus."),
        ],
        dekranasda=True,
        booth="D-02",
    ),
    B(
        "Manik Dayak Wehea Lestari",
        C.KERAJINAN,
        K.MUARA_WAHAU,
        "Desa Diaq Lay, Kecamatan Muara Wahau",
        "Kerajinan manik-manik perempuan Dayak Wehea.",
        [
            (
                "Kalung Manik Motif Naga",
                175000,
                "buah",
                "Kalung manik-manik warna-warni dengan motif naga Dayak.",
            ),
            ("Gelang Manik Dayak", 45000, "buah", "Gelang manik anyaman, ukuran bisa disesuaikan."),
            (
                "Tas Manik Selempang",
                550000,
                "buah",
                "Tas selempang bertatah manik motif burung enggang.",
            ),
            ("Gantungan Kunci Manik", 20000, "buah", "Oleh-oleh kecil bermotif Dayak."),
        ],
        dekranasda=True,
        booth="D-03",
    ),
    B(
        "Batik Kutim Sangatta",
        C.KAIN,
        K.SANGATTA_UTARA,
        "Jl. Yos Sudarso II, Sangatta Utara",
        "Batik tulis dan cap bermotif khas Kutai Timur.",
        [
            (
                "Batik Tulis Motif Daun Sawit",
                650000,
                "lembar 2 m",
                "Batik tulis pewarna alam dengan motif daun kelapa sawit.",
            ),
            (
                "Batik Cap Motif Enggang",
                275000,
                "lembar 2 m",
                "Batik cap katun primisima motif burung enggang.",
            ),
            (
                "Kemeja Batik Kutim Pria",
                325000,
                "potong",
                "Kemeja lengan pendek batik cap, ukuran M–XXL.",
            ),
        ],
        dekranasda=True,
        booth="D-04",
    ),
    B(
        "Tenun Wehea Nehas Liah Bing",
        C.KAIN,
        K.MUARA_WAHAU,
        "Desa Nehas Liah Bing, Kecamatan Muara Wahau",
        "Kain tenun ikat perempuan Wehea dengan benang dan pewarna alam.",
        [
            (
                "Kain Tenun Ikat Wehea",
                1250000,
                "lembar",
                "Tenun ikat tangan, pengerjaan sekitar tiga minggu.",
            ),
            (
                "Selendang Tenun Wehea",
                450000,
                "lembar",
                "Selendang tenun motif Wehea untuk acara adat dan resmi.",
            ),
            ("Tas Tenun Wehea", 275000, "buah", "Tas jinjing berpanel kain tenun ikat Wehea."),
        ],
        dekranasda=True,
    ),
    B(
        "Ikan Salai Muara Bengkal",
        C.PERIKANAN,
        K.MUARA_BENGKAL,
        "Desa Muara Bengkal Ilir, Kecamatan Muara Bengkal",
        "Ikan sungai asap dari perairan Sungai Kedang Kepala.",
        [
            ("Ikan Salai Baung", 120000, "kg", "Ikan baung diasap kayu hingga kering, tahan lama."),
            ("Ikan Salai Patin", 95000, "kg", "Ikan patin asap untuk masak gangan dan sambal."),
            (
                "Pepes Ikan Salai Siap Saji",
                35000,
                "bungkus 200 g",
                "Olahan ikan salai berbumbu, tinggal hangatkan.",
            ),
        ],
    ),
    B(
        "Abon Ikan Teluk Pandan",
        C.PERIKANAN,
        K.TELUK_PANDAN,
        "Desa Martadinata, Kecamatan Teluk Pandan",
        "Olahan ikan laut oleh kelompok istri nelayan Teluk Pandan.",
        [
            (
                "Abon Ikan Tongkol",
                40000,
                "bungkus 200 g",
                "Abon tongkol gurih manis tanpa pengawet.",
            ),
            ("Abon Ikan Pedas", 42000, "bungkus 200 g", "Abon tongkol dengan cabai rawit."),
            ("Kerupuk Ikan Tenggiri", 30000, "bungkus 250 g", "Kerupuk ikan tenggiri siap goreng."),
        ],
        halal=True,
    ),
    B(
        "Keripik Pisang Kaliorang",
        C.CAMILAN,
        K.KALIORANG,
        "Desa Bukit Makmur, Kecamatan Kaliorang",
        "Keripik pisang kepok dan pisang tanduk dari kebun sendiri.",
        [
            (
                "Keripik Pisang Manis",
                20000,
                "bungkus 200 g",
                "Keripik pisang kepok berlapis gula aren.",
            ),
            ("Keripik Pisang Asin", 20000, "bungkus 200 g", "Keripik pisang tanduk gurih."),
            ("Sale Pisang", 25000, "bungkus 250 g", "Pisang sale kering jemur matahari."),
        ],
        halal=True,
    ),
    B(
        "Cokelat Kakao Kaubun",
        C.PANGAN,
        K.KAUBUN,
        "Desa Bumi Etam, Kecamatan Kaubun",
        "Petani kakao Kaubun yang mengolah sendiri biji fermentasinya.",
        [
            (
                "Cokelat Batang 70%",
                35000,
                "batang 80 g",
                "Dark chocolate dari kakao fermentasi Kaubun.",
            ),
            (
                "Bubuk Kakao Murni",
                45000,
                "bungkus 250 g",
                "Bubuk kakao tanpa gula untuk minuman dan kue.",
                C.MINUMAN,
            ),
            ("Biji Kakao Fermentasi", 85000, "kg", "Biji kakao kering fermentasi lima hari."),
        ],
    ),
    B(
        "Keripik Singkong Karangan",
        C.CAMILAN,
        K.KARANGAN,
        "Desa Karangan Dalam, Kecamatan Karangan",
        "Camilan singkong dan ubi dari petani Karangan.",
        [
            (
                "Keripik Singkong Balado",
                18000,
                "bungkus 200 g",
                "Keripik singkong tipis bumbu balado.",
            ),
            ("Opak Singkong", 15000, "bungkus 10 lembar", "Opak singkong panggang, renyah."),
            (
                "Tepung Mocaf",
                22000,
                "kg",
                "Tepung singkong termodifikasi pengganti terigu.",
                C.PANGAN,
            ),
        ],
    ),
    B(
        "Lempok Durian Batu Ampar",
        C.CAMILAN,
        K.BATU_AMPAR,
        "Desa Batu Timbau, Kecamatan Batu Ampar",
        "Lempok dan dodol dari durian lokal saat musim panen.",
        [
            (
                "Lempok Durian",
                75000,
                "gulung 500 g",
                "Lempok dari daging durian dan gula, tanpa tepung.",
            ),
            ("Dodol Durian", 45000, "bungkus 300 g", "Dodol durian lembut dengan santan kelapa."),
            (
                "Tempoyak Durian",
                40000,
                "toples 300 g",
                "Durian fermentasi untuk sambal dan gulai ikan.",
            ),
        ],
    ),
    B(
        "Teh Bawang Dayak Telen",
        C.MINUMAN,
        K.TELEN,
        "Desa Juk Ayak, Kecamatan Telen",
        "Minuman herbal dari umbi bawang dayak budidaya warga Telen.",
        [
            (
                "Teh Bawang Dayak Celup",
                35000,
                "kotak 20 kantong",
                "Teh herbal umbi bawang dayak kering.",
            ),
            (
                "Bawang Dayak Kering Iris",
                40000,
                "bungkus 100 g",
                "Irisan umbi bawang dayak untuk direbus.",
            ),
            ("Kapsul Bawang Dayak", 65000, "botol 60 kapsul", "Serbuk bawang dayak dalam kapsul."),
        ],
    ),
    B(
        "Anyaman Seraung Busang",
        C.KERAJINAN,
        K.BUSANG,
        "Desa Long Lees, Kecamatan Busang",
        "Topi seraung dan anyaman daun biru khas Dayak Kenyah dari hulu Sungai Telen.",
        [
            (
                "Topi Seraung Motif Kenyah",
                250000,
                "buah",
                "Topi lebar dari daun biru dengan manik dan kain motif.",
            ),
            ("Seraung Mini Hiasan", 85000, "buah", "Seraung kecil untuk hiasan dinding."),
            ("Tas Anyaman Daun Biru", 175000, "buah", "Tas tangan anyaman daun biru."),
        ],
        dekranasda=True,
        booth="D-05",
    ),
    B(
        "Ukiran Kayu Kombeng",
        C.KERAJINAN,
        K.KOMBENG,
        "Desa Miau Baru, Kecamatan Kombeng",
        "Ukiran kayu ulin dan kayu meranti bermotif Dayak.",
        [
            (
                "Patung Enggang Kayu Ulin",
                750000,
                "buah",
                "Patung burung enggang setinggi 40 cm dari kayu ulin.",
            ),
            ("Talenan Ukir Meranti", 120000, "buah", "Talenan kayu meranti dengan ukiran tepi."),
            ("Hiasan Dinding Motif Kenyah", 350000, "buah", "Panel ukir 30 x 60 cm."),
        ],
        dekranasda=True,
    ),
    B(
        "Kue Bingka Sangatta Selatan",
        C.CAMILAN,
        K.SANGATTA_SELATAN,
        "Jl. Poros Sangatta–Bontang, Sangatta Selatan",
        "Kue tradisional Banjar dan Kutai untuk acara dan hantaran.",
        [
            (
                "Bingka Kentang",
                60000,
                "loyang 22 cm",
                "Bingka kentang lembut, pesan sehari sebelumnya.",
            ),
            ("Kue Lapis Legit Kutai", 150000, "loyang 20 cm", "Lapis legit rempah, 18 lapis."),
            ("Amparan Tatak Pisang", 55000, "loyang 22 cm", "Kue pisang bersantan khas Banjar."),
        ],
        halal=True,
    ),
    B(
        "Terasi dan Ikan Asin Sangkulirang",
        C.PERIKANAN,
        K.SANGKULIRANG,
        "Desa Kerayaan, Kecamatan Sangkulirang",
        "Ikan asin dan terasi dari nelayan pesisir Sangkulirang.",
        [
            (
                "Ikan Asin Gabus Laut",
                70000,
                "bungkus 500 g",
                "Ikan asin dijemur di para-para, kadar garam rendah.",
            ),
            (
                "Ikan Teri Nasi Kering",
                55000,
                "bungkus 250 g",
                "Teri nasi kering untuk sambal dan nasi goreng.",
            ),
            ("Cumi Asin", 90000, "bungkus 250 g", "Cumi asin jemur ukuran sedang."),
        ],
    ),
    B(
        "Sambal Khas Bengalon",
        C.PANGAN,
        K.BENGALON,
        "Desa Sepaso Timur, Kecamatan Bengalon",
        "Sambal botolan dari ikan laut dan cabai petani Bengalon.",
        [
            ("Sambal Teri Pedas", 30000, "botol 200 g", "Sambal ikan teri dengan cabai rawit."),
            ("Sambal Ikan Asap", 35000, "botol 200 g", "Sambal ikan tongkol asap."),
            (
                "Sambal Bawang Dayak",
                32000,
                "botol 200 g",
                "Sambal bawang dengan irisan bawang dayak.",
            ),
        ],
        halal=True,
        booth="U-04",
    ),
    B(
        "VCO Kelapa Kaliorang",
        C.PANGAN,
        K.KALIORANG,
        "Desa Citra Manunggal Jaya, Kecamatan Kaliorang",
        "Minyak kelapa murni dari kelapa kebun warga transmigran Kaliorang.",
        [
            ("Virgin Coconut Oil", 45000, "botol 250 ml", "Minyak kelapa murni proses dingin."),
            (
                "Minyak Kelapa Kampung",
                30000,
                "botol 500 ml",
                "Minyak kelapa tradisional untuk memasak.",
            ),
            (
                "Kelapa Parut Kering",
                30000,
                "bungkus 500 g",
                "Kelapa parut kering untuk kue dan serundeng.",
            ),
        ],
    ),
    B(
        "Kopi Aren Sangatta",
        C.MINUMAN,
        K.SANGATTA_UTARA,
        "Jl. Pendidikan, Sangatta Utara",
        "Kedai dan sangrai kopi yang memakai gula aren Kutim.",
        [
            (
                "Kopi Susu Aren Literan",
                85000,
                "botol 1 liter",
                "Kopi susu gula aren siap minum, simpan di lemari es.",
            ),
            (
                "Kopi Bubuk Blend Kutim",
                50000,
                "bungkus 250 g",
                "Campuran robusta Bengalon dan liberika Kaubun.",
            ),
            (
                "Drip Bag Kopi Robusta",
                40000,
                "kotak isi 10",
                "Kopi seduh praktis dalam kantong saring.",
            ),
        ],
        booth="U-05",
    ),
    B(
        "Rotan Jaya Muara Bengkal",
        C.KERAJINAN,
        K.MUARA_BENGKAL,
        "Desa Benua Baru, Kecamatan Muara Bengkal",
        "Perabot dan anyaman rotan dari rotan sega Sungai Kedang Kepala.",
        [
            ("Kursi Rotan Sega", 950000, "buah", "Kursi santai rotan sega, rangka kuat."),
            ("Bakul Rotan", 75000, "buah", "Bakul nasi anyaman rotan."),
            ("Kap Lampu Rotan", 225000, "buah", "Kap lampu gantung anyaman rotan diameter 40 cm."),
        ],
        dekranasda=True,
    ),
    B(
        "Kerupuk Amplang Teluk Lombok",
        C.CAMILAN,
        K.SANGATTA_SELATAN,
        "Desa Teluk Singkama, Sangatta Selatan",
        "Amplang dan kerupuk ikan bandeng dari tambak pesisir.",
        [
            ("Amplang Bandeng", 30000, "bungkus 250 g", "Amplang dari ikan bandeng tambak."),
            ("Kerupuk Kulit Ikan", 25000, "bungkus 150 g", "Kerupuk kulit ikan renyah."),
            ("Stik Ikan Bandeng", 22000, "bungkus 200 g", "Camilan stik gurih dari bandeng."),
        ],
        halal=True,
    ),
    B(
        "Tas Manik Telen Indah",
        C.KERAJINAN,
        K.TELEN,
        "Desa Rantau Sentosa, Kecamatan Telen",
        "Tas dan aksesori manik-manik karya ibu-ibu PKK Telen.",
        [
            ("Dompet Manik Motif Kenyah", 125000, "buah", "Dompet kecil berhias manik."),
            ("Bros Manik Enggang", 55000, "buah", "Bros manik motif kepala enggang."),
            ("Ikat Kepala Manik", 150000, "buah", "Ikat kepala manik untuk busana adat."),
        ],
        dekranasda=True,
    ),
    B(
        "Busana Etnik Sangatta",
        C.KAIN,
        K.SANGATTA_UTARA,
        "Jl. APT Pranoto, Sangatta Utara",
        "Penjahit busana etnik berbahan batik dan tenun Kutim.",
        [
            ("Blus Batik Kutim Wanita", 285000, "potong", "Blus batik cap, ukuran S–XL."),
            (
                "Rompi Motif Dayak",
                225000,
                "potong",
                "Rompi bordir motif Dayak untuk acara adat sekolah.",
            ),
            ("Masker Kain Batik", 15000, "buah", "Masker kain tiga lapis motif batik Kutim."),
        ],
        booth="D-06",
    ),
    B(
        "Udang Galah Kaubun",
        C.PERIKANAN,
        K.KAUBUN,
        "Desa Kadungan Jaya, Kecamatan Kaubun",
        "Budidaya dan olahan udang galah air tawar.",
        [
            ("Udang Galah Beku", 180000, "kg", "Udang galah segar beku ukuran 15–20 ekor/kg."),
            ("Kerupuk Udang Galah", 45000, "bungkus 250 g", "Kerupuk udang galah siap goreng."),
            ("Abon Udang Galah", 75000, "bungkus 150 g", "Abon dari daging udang galah."),
        ],
    ),
    B(
        "Jahe Merah Rantau Pulung",
        C.MINUMAN,
        K.RANTAU_PULUNG,
        "Desa Tanjung Labu, Kecamatan Rantau Pulung",
        "Minuman rempah instan dari jahe merah dan kunyit kebun.",
        [
            ("Jahe Merah Instan", 25000, "toples 250 g", "Serbuk jahe merah dengan gula aren."),
            ("Kunyit Asam Instan", 25000, "toples 250 g", "Minuman kunyit asam serbuk."),
            ("Wedang Uwuh Kutim", 20000, "kotak isi 5", "Racikan rempah kering untuk diseduh."),
        ],
        halal=True,
    ),
    B(
        "Keripik Tempe Kombeng",
        C.CAMILAN,
        K.KOMBENG,
        "Desa Makmur Jaya, Kecamatan Kombeng",
        "Keripik tempe sagu dan kacang dari industri rumahan.",
        [
            ("Keripik Tempe Sagu", 15000, "bungkus 200 g", "Keripik tempe tipis bertepung sagu."),
            ("Kacang Bawang", 20000, "bungkus 250 g", "Kacang tanah goreng bawang putih."),
            ("Rempeyek Kacang", 20000, "bungkus 200 g", "Rempeyek kacang tanah tipis dan renyah."),
        ],
        halal=True,
    ),
    B(
        "Beras Adan Busang",
        C.PANGAN,
        K.BUSANG,
        "Desa Long Pejeng, Kecamatan Busang",
        "Beras ladang dan beras hitam dari padi gunung masyarakat Dayak.",
        [
            ("Beras Ladang Merah", 28000, "kg", "Beras merah padi gunung tanpa pupuk kimia."),
            ("Beras Hitam Ladang", 35000, "kg", "Beras hitam pulen dari ladang Busang."),
            ("Ketan Hitam Ladang", 30000, "kg", "Ketan hitam padi gunung untuk bubur dan kue."),
        ],
    ),
    B(
        "Madu Hutan Sandaran",
        C.HASIL_HUTAN,
        K.SANDARAN,
        "Desa Tanjung Mangkalihat, Kecamatan Sandaran",
        "Madu hutan dan gaharu budidaya dari kawasan karst Sangkulirang–Mangkalihat.",
        [
            (
                "Madu Hutan Karst",
                140000,
                "botol 500 ml",
                "Madu lebah hutan dari kawasan karst Mangkalihat.",
            ),
            ("Teh Daun Gaharu", 45000, "kotak 20 kantong", "Teh herbal daun gaharu budidaya."),
        ],
    ),
]

PENDING = [
    B(
        "Bakso Ikan Sangatta Baru",
        C.PERIKANAN,
        K.SANGATTA_UTARA,
        "Jl. Soekarno-Hatta, Sangatta Utara",
        "Bakso dan siomay ikan tenggiri beku.",
        [
            (
                "Bakso Ikan Tenggiri Beku",
                45000,
                "bungkus 500 g",
                "Bakso ikan tenggiri tanpa pengawet.",
            )
        ],
        status=Business.Status.PENDING,
    ),
    B(
        "Anyaman Pandan Kaubun",
        C.KERAJINAN,
        K.KAUBUN,
        "Desa Bumi Rapak, Kecamatan Kaubun",
        "Tikar dan tas anyaman daun pandan.",
        [("Tikar Pandan", 150000, "lembar", "Tikar pandan anyaman tangan.")],
        status=Business.Status.PENDING,
    ),
    B(
        "Keripik Kelakai Long Mesangat",
        C.CAMILAN,
        K.LONG_MESANGAT,
        "Desa Sumber Agung, Kecamatan Long Mesangat",
        "Keripik dari sayur kelakai, pakis khas rawa Kalimantan.",
        [
            (
                "Keripik Kelakai",
                18000,
                "bungkus 100 g",
                "Keripik daun kelakai berbalut tepung berbumbu.",
            )
        ],
        status=Business.Status.PENDING,
    ),
    B(
        "Gorden Sasirangan Teluk Pandan",
        C.KAIN,
        K.TELUK_PANDAN,
        "Desa Suka Rahmat, Kecamatan Teluk Pandan",
        "Kain sasirangan untuk gorden dan taplak.",
        [("Taplak Sasirangan", 120000, "lembar", "Taplak meja kain sasirangan.")],
        status=Business.Status.SUSPENDED,
        note="Foto dan deskripsi produk perlu dilengkapi; nomor WhatsApp tidak bisa dihubungi.",
    ),
]


def _initials(name: str) -> str:
    words = [word for word in name.split() if word[:1].isalpha()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def placeholder_photo(name: str, category: str) -> ContentFile:
    """A coloured tile with the product's initials, made here (no downloaded image)."""
    image = Image.new("RGB", (800, 800), PALETTE.get(category, (11, 93, 59)))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 760, 760), outline=(255, 255, 255), width=8)
    font = ImageFont.load_default(size=300)
    draw.text((400, 380), _initials(name), fill=(255, 255, 255), font=font, anchor="mm")
    small = ImageFont.load_default(size=44)
    draw.text((400, 660), name[:28], fill=(255, 255, 255), font=small, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="placeholder.png")


def _ensure_photo(product: Product) -> None:
    photo = product.photos.first()
    if photo and photo.image.storage.exists(photo.image.name):
        return
    product.photos.all().delete()
    prepared = prepare_photo(placeholder_photo(product.name, product.category))
    photo = ProductPhoto(
        product=product,
        alt_text=product.name,
        width=prepared.width,
        height=prepared.height,
    )
    photo.image.save(prepared.image.name, prepared.image, save=False)
    photo.thumbnail.save(prepared.thumbnail.name, prepared.thumbnail, save=False)
    photo.save()


def _seed_business(number: int, data: DemoBusiness, password_hash: str, moderator) -> Business:
    slug = slugify(data.name)
    owner, _created = get_user_model().objects.get_or_create(
        username=f"umkm-{slug}"[:150],
        defaults={"first_name": "Pemilik", "last_name": data.name, "password": password_hash},
    )
    moderated = data.status != Business.Status.PENDING
    business, _created = Business.objects.update_or_create(
        slug=slug,
        defaults={
            "owner": owner,
            "name": data.name,
            "category": data.category,
            "kecamatan": data.kecamatan,
            "address": data.address,
            "description": data.description,
            "whatsapp": f"+6281100000{number:03d}",
            "nib": f"91203{number:08d}" if number % 3 else "",
            "halal_certificate": f"ID64110000{number:06d}1123" if data.halal else "",
            "is_dekranasda_member": data.dekranasda,
            "booth_location": EXPO if data.booth else "",
            "booth_number": data.booth,
            "status": data.status,
            "moderation_note": data.note,
            "moderated_at": timezone.now() if moderated else None,
            "moderated_by": moderator if moderated else None,
        },
    )
    for index, (name, price, unit, description, *category) in enumerate(data.products):
        product, _created = Product.objects.update_or_create(
            business=business,
            slug=slugify(name),
            defaults={
                "name": name,
                "price": price,
                "unit": unit,
                "description": description,
                "category": category[0] if category else data.category,
                "is_available": True,
                "is_featured": index == 0 and number % 4 == 1,
            },
        )
        _ensure_photo(product)
    return business


def seed(*, always_open: bool = False) -> dict:
    """Idempotent: businesses and products are updated in place, photos made only once."""
    password_hash = make_password(DEMO_PASSWORD)
    moderator = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    businesses = [
        _seed_business(number, data, password_hash, moderator)
        for number, data in enumerate([*BUSINESSES, *PENDING], start=1)
    ]
    return {"businesses": businesses}
