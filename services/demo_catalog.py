"""The demo service catalog: real services of the demo agencies, with their requirements,
procedures, durations, fees and legal bases as published by the Indonesian agencies."""

UU_ADMINDUK = (
    "Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun "
    "2006 tentang Administrasi Kependudukan"
)
PERPRES_96_2018 = (
    "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran "
    "Penduduk dan Pencatatan Sipil"
)
PERMENDAGRI_108_2019 = (
    "Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan "
    "Peraturan Presiden Nomor 96 Tahun 2018"
)
PP_OSS = (
    "Peraturan Pemerintah Nomor 28 Tahun 2025 tentang Penyelenggaraan Perizinan Berusaha "
    "Berbasis Risiko"
)
UU_CIPTA_KERJA = (
    "Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan "
    "Perppu Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang"
)
PP_BANGUNAN = (
    "Peraturan Pemerintah Nomor 16 Tahun 2021 tentang Peraturan Pelaksanaan Undang-Undang "
    "Nomor 28 Tahun 2002 tentang Bangunan Gedung"
)
UU_KESEHATAN = "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan"
UU_HKPD = (
    "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan "
    "Pemerintahan Daerah"
)
UU_LLAJ = "Undang-Undang Nomor 22 Tahun 2009 tentang Lalu Lintas dan Angkutan Jalan"
PP_PNBP_POLRI = (
    "Peraturan Pemerintah Nomor 76 Tahun 2020 tentang Jenis dan Tarif atas Jenis Penerimaan "
    "Negara Bukan Pajak yang Berlaku pada Kepolisian Negara Republik Indonesia"
)
PERPOL_REGIDENT = (
    "Peraturan Kepolisian Negara Republik Indonesia Nomor 7 Tahun 2021 tentang Registrasi dan "
    "Identifikasi Kendaraan Bermotor"
)
PMK_SWDKLLJ = (
    "Peraturan Menteri Keuangan Nomor 16/PMK.010/2017 tentang Besar Santunan dan Sumbangan "
    "Wajib Dana Kecelakaan Lalu Lintas Jalan"
)
UU_SJSN = "Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional"
UU_BPJS = "Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial"
PERPRES_JKN = (
    "Peraturan Presiden Nomor 82 Tahun 2018 tentang Jaminan Kesehatan sebagaimana telah "
    "diubah terakhir dengan Peraturan Presiden Nomor 59 Tahun 2024"
)
UU_POLRI = "Undang-Undang Nomor 2 Tahun 2002 tentang Kepolisian Negara Republik Indonesia"
PERKAP_SKCK = (
    "Peraturan Kepala Kepolisian Negara Republik Indonesia Nomor 18 Tahun 2014 tentang Tata "
    "Cara Penerbitan Surat Keterangan Catatan Kepolisian"
)
UU_KEIMIGRASIAN = "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian"
PERMENKUMHAM_PASPOR = (
    "Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 8 Tahun 2014 tentang Paspor Biasa "
    "dan Surat Perjalanan Laksana Paspor"
)
PP_PNBP_KUMHAM = (
    "Peraturan Pemerintah Nomor 28 Tahun 2019 tentang Jenis dan Tarif atas Jenis Penerimaan "
    "Negara Bukan Pajak yang Berlaku pada Kementerian Hukum dan Hak Asasi Manusia"
)
UU_KUP = (
    "Undang-Undang Nomor 6 Tahun 1983 tentang Ketentuan Umum dan Tata Cara Perpajakan "
    "sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023"
)
PMK_CORETAX = (
    "Peraturan Menteri Keuangan Nomor 81 Tahun 2024 tentang Ketentuan Perpajakan dalam rangka "
    "Pelaksanaan Sistem Inti Administrasi Perpajakan"
)
PMK_NIK_NPWP = (
    "Peraturan Menteri Keuangan Nomor 112/PMK.03/2022 tentang Nomor Pokok Wajib Pajak bagi "
    "Wajib Pajak Orang Pribadi, Wajib Pajak Badan, dan Wajib Pajak Instansi Pemerintah"
)
UU_PERBANKAN = (
    "Undang-Undang Nomor 10 Tahun 1998 tentang Perubahan "
    "atas Undang-Undang Nomor 7 Tahun 1992 tentang Perbankan"
)
POJK_KONSUMEN = (
    "Peraturan Otoritas Jasa Keuangan Nomor 22 Tahun 2023 tentang Pelindungan Konsumen dan "
    "Masyarakat di Sektor Jasa Keuangan"
)
UU_P2SK = "Undang-Undang Nomor 4 Tahun 2023 tentang Pengembangan dan Penguatan Sektor Keuangan"

LAPOR = "SP4N-LAPOR!: www.lapor.go.id atau SMS 1708"
MEJA_PENGADUAN = "Meja informasi dan pengaduan serta kotak saran di Mal Pelayanan Publik"

COMPLAINTS = {
    "dukcapil": [MEJA_PENGADUAN, "Loket pengaduan Disdukcapil Kutai Timur", LAPOR],
    "dpmptsp": [MEJA_PENGADUAN, "Loket pengaduan DPMPTSP Kutai Timur", LAPOR],
    "samsat": [MEJA_PENGADUAN, "Loket informasi Samsat Sangatta", LAPOR],
    "bpjs-kesehatan": [
        MEJA_PENGADUAN,
        "BPJS Kesehatan Care Center 165",
        "PANDAWA (layanan administrasi lewat WhatsApp) 0811-8165-165",
    ],
    "polres": [MEJA_PENGADUAN, "Call center Polri 110", LAPOR],
    "imigrasi": [MEJA_PENGADUAN, "Unit pengaduan Kantor Imigrasi Samarinda", LAPOR],
    "kpp-pratama": [MEJA_PENGADUAN, "Kring Pajak 1500200", "pengaduan.pajak.go.id"],
    "bank-kaltimtara": [MEJA_PENGADUAN, "Customer service Bankaltimtara", "Kontak OJK 157"],
}

DUKCAPIL_STANDARD = {
    "facilities": "Ruang tunggu ber-AC, kursi prioritas, alat perekaman biometrik, printer "
    "kartu, toilet dan ruang laktasi di Mal Pelayanan Publik.",
    "staff_competence": "Petugas registrasi terlatih SIAK dan perekaman biometrik; pejabat "
    "pencatatan sipil untuk penerbitan akta.",
    "internal_supervision": "Pengawasan langsung Kepala Bidang dan Kepala Dinas; audit "
    "Inspektorat Kabupaten Kutai Timur.",
    "staff_count": "6 petugas di MPP",
    "service_guarantee": "Dokumen diterbitkan sesuai jangka waktu bila persyaratan lengkap; "
    "tanpa biaya.",
    "safety_guarantee": "Data kependudukan dijaga kerahasiaannya sesuai UU 24/2013; dokumen "
    "hanya diserahkan kepada pemohon atau kuasanya.",
    "performance_evaluation": "Survei Kepuasan Masyarakat setiap triwulan dan evaluasi "
    "kinerja petugas setiap semester.",
}


def r(text: str, *, asli: bool = False, fc: int | None = None, note: str = "") -> dict:
    return {"text": text, "bring_original": asli, "copies": fc, "note": note}


SERVICES = {
    "dukcapil": [
        {
            "slug": "ktp-el",
            "name": "Penerbitan KTP-el",
            "category": "Kependudukan",
            "summary": "Kartu Tanda Penduduk elektronik untuk penduduk berusia 17 tahun, "
            "sudah kawin atau pernah kawin; juga penggantian karena rusak, hilang atau "
            "perubahan data.",
            "keywords": "e-KTP, KTP elektronik, rekam KTP, cetak KTP, KTP hilang, KTP rusak",
            "description": "Perekaman biometrik (foto, sidik jari, iris mata, tanda tangan) "
            "bagi pemohon baru, lalu pencetakan KTP-el. KTP-el berlaku seumur hidup.",
            "processing_time": "1 hari kerja setelah perekaman bila persyaratan lengkap",
            "fee": 0,
            "product": "KTP-el",
            "requirements": [
                r("Kartu Keluarga (KK)", asli=True),
                r(
                    "KTP-el lama",
                    asli=True,
                    note="Untuk penggantian karena rusak atau perubahan data.",
                ),
                r(
                    "Surat keterangan kehilangan dari kepolisian",
                    asli=True,
                    note="Hanya bila KTP-el hilang.",
                ),
                r(
                    "Buku nikah/kutipan akta perkawinan",
                    fc=1,
                    note="Bagi pemohon di bawah 17 tahun yang sudah kawin.",
                ),
            ],
            "steps": [
                "Ambil nomor antrian di kios atau datang sesuai reservasi.",
                "Serahkan KK dan dokumen pendukung kepada petugas loket Disdukcapil.",
                "Petugas memverifikasi data pada SIAK.",
                "Lakukan perekaman foto, sidik jari, iris mata dan tanda tangan (pemohon baru).",
                "KTP-el dicetak dan diserahkan kepada pemohon.",
            ],
            "legal_bases": [UU_ADMINDUK, PERPRES_96_2018, PERMENDAGRI_108_2019],
            "average_minutes": 15,
            "is_bookable": True,
            "standard": DUKCAPIL_STANDARD,
        },
        {
            "slug": "kartu-keluarga",
            "name": "Penerbitan Kartu Keluarga",
            "category": "Kependudukan",
            "summary": "Kartu Keluarga baru (keluarga baru, pisah KK) atau perubahan KK karena "
            "kelahiran, kematian, pindah, atau perubahan data.",
            "keywords": "KK, kartu keluarga baru, tambah anggota keluarga, pecah KK",
            "processing_time": "1 hari kerja bila persyaratan lengkap",
            "fee": 0,
            "product": "Kartu Keluarga (dicetak pada kertas HVS dengan tanda tangan elektronik)",
            "requirements": [
                r(
                    "Buku nikah/kutipan akta perkawinan atau kutipan akta perceraian",
                    fc=1,
                    note="Untuk membentuk keluarga baru.",
                ),
                r("Kartu Keluarga lama", asli=True, note="Untuk perubahan atau pisah KK."),
                r("Surat Keterangan Pindah", asli=True, note="Bagi penduduk yang pindah datang."),
                r(
                    (
                        "Dokumen peristiwa penting (akta kelahiran, akta "
                        "kematian) bila ada perubahan anggota"
                    ),
                    fc=1,
                ),
                r(
                    "Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) perkawinan",
                    note="Bila belum punya buku nikah; formulir tersedia di loket.",
                ),
            ],
            "steps": [
                "Isi formulir biodata keluarga (F-1.01) di loket atau unduh dari petugas.",
                "Serahkan formulir dan persyaratan di loket Disdukcapil.",
                "Petugas memverifikasi dan memutakhirkan data pada SIAK.",
                "KK dicetak dan ditandatangani secara elektronik, lalu diserahkan.",
            ],
            "legal_bases": [UU_ADMINDUK, PERPRES_96_2018, PERMENDAGRI_108_2019],
            "average_minutes": 15,
            "is_bookable": True,
            "standard": DUKCAPIL_STANDARD,
        },
        {
            "slug": "akta-kelahiran",
            "name": "Penerbitan Akta Kelahiran",
            "category": "Pencatatan Sipil",
            "summary": "Pencatatan kelahiran dan penerbitan kutipan akta kelahiran untuk anak "
            "dan orang dewasa yang belum memiliki akta.",
            "keywords": "akte lahir, akte kelahiran, akta anak, surat lahir",
            "processing_time": "1 hari kerja bila persyaratan lengkap",
            "fee": 0,
            "product": "Kutipan Akta Kelahiran dan KK yang dimutakhirkan",
            "requirements": [
                r(
                    (
                        "Surat keterangan kelahiran dari rumah sakit, "
                        "puskesmas, dokter, bidan atau kepala desa/lurah"
                    ),
                    asli=True,
                ),
                r("Buku nikah/kutipan akta perkawinan orang tua", fc=1),
                r("Kartu Keluarga tempat anak didaftarkan", asli=True),
                r("KTP-el kedua orang tua", fc=1),
                r(
                    "SPTJM kebenaran data kelahiran",
                    note="Bila tidak ada surat keterangan kelahiran.",
                ),
                r(
                    "SPTJM kebenaran sebagai pasangan suami istri",
                    note="Bila orang tua belum punya buku nikah.",
                ),
            ],
            "steps": [
                "Isi formulir pelaporan pencatatan sipil di dalam wilayah NKRI (F-2.01).",
                "Serahkan formulir dan persyaratan di loket Disdukcapil.",
                "Petugas memverifikasi data dan mencatat kelahiran dalam register akta.",
                "Pejabat pencatatan sipil menandatangani kutipan akta secara elektronik.",
                "Kutipan akta kelahiran dan KK baru diserahkan kepada pemohon.",
            ],
            "legal_bases": [UU_ADMINDUK, PERPRES_96_2018, PERMENDAGRI_108_2019],
            "average_minutes": 15,
            "is_bookable": True,
            "standard": DUKCAPIL_STANDARD,
        },
        {
            "slug": "akta-kematian",
            "name": "Penerbitan Akta Kematian",
            "category": "Pencatatan Sipil",
            "summary": "Pencatatan kematian penduduk, dilaporkan keluarga paling lambat 30 hari "
            "sejak tanggal kematian.",
            "keywords": "akte kematian, akte meninggal, surat kematian",
            "processing_time": "1 hari kerja bila persyaratan lengkap",
            "fee": 0,
            "product": "Kutipan Akta Kematian dan KK yang dimutakhirkan",
            "requirements": [
                r("Surat kematian dari dokter, rumah sakit atau kepala desa/lurah", asli=True),
                r("Kartu Keluarga almarhum/almarhumah", asli=True),
                r("KTP-el almarhum/almarhumah", asli=True),
                r("KTP-el pelapor", fc=1),
                r("SPTJM kebenaran data kematian", note="Bila tidak ada surat kematian."),
            ],
            "steps": [
                "Isi formulir pelaporan kematian (F-2.01).",
                "Serahkan formulir dan persyaratan di loket Disdukcapil.",
                "Petugas mencatat kematian dan memperbarui KK.",
                "Kutipan akta kematian dan KK baru diserahkan kepada pelapor.",
            ],
            "legal_bases": [UU_ADMINDUK, PERPRES_96_2018, PERMENDAGRI_108_2019],
            "average_minutes": 15,
            "is_bookable": True,
            "standard": DUKCAPIL_STANDARD,
        },
        {
            "slug": "surat-pindah",
            "name": "Surat Keterangan Pindah (SKPWNI)",
            "category": "Kependudukan",
            "summary": "Surat pindah bagi penduduk yang pindah ke luar Kabupaten Kutai Timur "
            "atau antarkecamatan.",
            "keywords": "surat pindah, pindah domisili, pindah alamat, mutasi penduduk, SKPWNI",
            "processing_time": "1 hari kerja",
            "fee": 0,
            "product": "Surat Keterangan Pindah Warga Negara Indonesia (SKPWNI)",
            "requirements": [
                r("Kartu Keluarga", asli=True),
                r("KTP-el anggota keluarga yang pindah", asli=True),
                r("Formulir permohonan pindah (F-1.03)", note="Tersedia di loket."),
            ],
            "steps": [
                "Isi formulir permohonan pindah (F-1.03).",
                "Serahkan KK dan KTP-el di loket Disdukcapil.",
                "Petugas menerbitkan SKPWNI dan KK baru bagi anggota yang tidak pindah.",
                "Bawa SKPWNI ke Disdukcapil daerah tujuan untuk pindah datang.",
            ],
            "legal_bases": [UU_ADMINDUK, PERPRES_96_2018, PERMENDAGRI_108_2019],
            "average_minutes": 10,
            "is_bookable": True,
            "standard": DUKCAPIL_STANDARD,
        },
        {
            "slug": "pindah-datang",
            "name": "Pencatatan Pindah Datang",
            "category": "Kependudukan",
            "summary": "Pendaftaran penduduk yang datang ke Kabupaten Kutai Timur dari daerah "
            "lain, dengan penerbitan KK dan KTP-el beralamat baru.",
            "keywords": "pindah masuk, datang ke Sangatta, domisili baru",
            "processing_time": "1 hari kerja",
            "fee": 0,
            "product": "Kartu Keluarga dan KTP-el dengan alamat baru",
            "requirements": [
                r("Surat Keterangan Pindah (SKPWNI) dari daerah asal", asli=True),
                r("KTP-el lama", asli=True),
            ],
            "steps": [
                "Serahkan SKPWNI di loket Disdukcapil.",
                "Petugas memverifikasi data kepindahan pada SIAK.",
                "KK baru diterbitkan; KTP-el dicetak dengan alamat baru.",
            ],
            "legal_bases": [UU_ADMINDUK, PERPRES_96_2018, PERMENDAGRI_108_2019],
            "average_minutes": 10,
            "is_bookable": False,
        },
        {
            "slug": "kartu-identitas-anak",
            "name": "Penerbitan Kartu Identitas Anak (KIA)",
            "category": "Kependudukan",
            "summary": "Kartu identitas bagi anak berusia kurang dari 17 tahun dan belum kawin.",
            "keywords": "KIA, kartu anak, KTP anak",
            "processing_time": "1 hari kerja",
            "fee": 0,
            "product": "Kartu Identitas Anak",
            "requirements": [
                r("Kutipan akta kelahiran anak", fc=1, asli=True),
                r("Kartu Keluarga orang tua", asli=True),
                r("KTP-el kedua orang tua", asli=True),
                r(
                    "Pasfoto berwarna anak ukuran 2x3, 2 lembar",
                    note="Untuk anak berusia 5 tahun ke atas.",
                ),
            ],
            "steps": [
                "Serahkan persyaratan di loket Disdukcapil.",
                "Petugas memverifikasi data anak pada SIAK.",
                "KIA dicetak dan diserahkan kepada orang tua.",
            ],
            "legal_bases": [
                UU_ADMINDUK,
                "Peraturan Menteri Dalam Negeri Nomor 2 Tahun 2016 tentang Kartu Identitas Anak",
            ],
            "average_minutes": 10,
            "is_bookable": True,
        },
        {
            "slug": "akta-perkawinan",
            "name": "Penerbitan Akta Perkawinan",
            "category": "Pencatatan Sipil",
            "summary": "Pencatatan perkawinan bagi penduduk non-Muslim yang telah menikah "
            "menurut agama atau kepercayaannya (yang beragama Islam dicatat di KUA).",
            "keywords": "akte nikah, akta nikah, catatan sipil perkawinan, kawin",
            "processing_time": "1 hari kerja setelah pencatatan",
            "fee": 0,
            "product": "Kutipan Akta Perkawinan dan KK baru",
            "requirements": [
                r(
                    (
                        "Surat keterangan telah terjadinya perkawinan dari "
                        "pemuka agama/penghayat kepercayaan"
                    ),
                    asli=True,
                ),
                r("Pasfoto berdampingan suami dan istri berwarna ukuran 4x6, 2 lembar"),
                r("KTP-el suami dan istri", fc=1),
                r("Kartu Keluarga suami dan istri", asli=True),
                r(
                    "Akta perceraian atau akta kematian pasangan terdahulu",
                    fc=1,
                    note="Bagi yang pernah kawin.",
                ),
            ],
            "steps": [
                "Isi formulir pencatatan perkawinan (F-2.01).",
                "Serahkan persyaratan; petugas memverifikasi dokumen.",
                "Pejabat pencatatan sipil mencatat perkawinan dalam register akta.",
                "Kutipan akta perkawinan diserahkan kepada suami dan istri.",
            ],
            "legal_bases": [
                "Undang-Undang Nomor 1 Tahun 1974 tentang Perkawinan",
                UU_ADMINDUK,
                PERPRES_96_2018,
            ],
            "average_minutes": 20,
            "is_bookable": False,
        },
        {
            "slug": "akta-perceraian",
            "name": "Penerbitan Akta Perceraian",
            "category": "Pencatatan Sipil",
            "summary": "Pencatatan perceraian yang telah diputus pengadilan negeri (bagi "
            "perkawinan yang tercatat di Disdukcapil).",
            "keywords": "akte cerai, cerai, perceraian",
            "processing_time": "1 hari kerja",
            "fee": 0,
            "product": "Kutipan Akta Perceraian",
            "requirements": [
                r("Salinan putusan pengadilan yang telah berkekuatan hukum tetap", fc=1, asli=True),
                r("Kutipan akta perkawinan", asli=True),
                r("KTP-el dan Kartu Keluarga", asli=True),
            ],
            "steps": [
                "Laporkan perceraian paling lambat 60 hari sejak putusan berkekuatan hukum tetap.",
                "Serahkan persyaratan di loket Disdukcapil.",
                "Pejabat pencatatan sipil mencatat perceraian dan menerbitkan kutipan akta.",
            ],
            "legal_bases": [UU_ADMINDUK, PERPRES_96_2018],
            "average_minutes": 15,
            "is_bookable": False,
        },
        {
            "slug": "identitas-kependudukan-digital",
            "name": "Aktivasi Identitas Kependudukan Digital (IKD)",
            "category": "Kependudukan",
            "summary": "Aktivasi KTP digital di aplikasi IKD pada ponsel pemilik KTP-el.",
            "keywords": "KTP digital, IKD, aplikasi identitas digital",
            "processing_time": "15 menit",
            "fee": 0,
            "product": "Akun Identitas Kependudukan Digital yang aktif",
            "requirements": [
                r("KTP-el", asli=True),
                r("Ponsel Android/iOS dengan aplikasi IKD, nomor aktif dan email aktif"),
            ],
            "steps": [
                "Pasang aplikasi Identitas Kependudukan Digital dari toko aplikasi.",
                "Isi NIK, email dan nomor ponsel, lalu lakukan verifikasi wajah.",
                "Petugas memindai kode QR aktivasi di loket.",
                "Buka email aktivasi dan masuk ke aplikasi IKD.",
            ],
            "legal_bases": [
                UU_ADMINDUK,
                "Peraturan Menteri Dalam Negeri Nomor 72 Tahun 2022 tentang Standar dan "
                "Spesifikasi Perangkat Keras, Perangkat Lunak, dan Blangko KTP-el serta "
                "Penyelenggaraan Identitas Kependudukan Digital",
            ],
            "average_minutes": 10,
            "is_bookable": False,
        },
        {
            "slug": "perubahan-biodata",
            "name": "Perubahan Elemen Data Kependudukan",
            "category": "Kependudukan",
            "summary": "Perubahan data pada KK/KTP-el seperti pendidikan, pekerjaan, agama, "
            "golongan darah atau status perkawinan.",
            "keywords": "ubah data KTP, ganti status, ganti pekerjaan di KTP, salah data",
            "processing_time": "1 hari kerja",
            "fee": 0,
            "product": "KK dan KTP-el dengan data yang diperbarui",
            "requirements": [
                r("Kartu Keluarga", asli=True),
                r("KTP-el", asli=True),
                r("Dokumen pendukung perubahan (ijazah, SK, surat keterangan, buku nikah)", fc=1),
            ],
            "steps": [
                "Isi formulir biodata (F-1.06) dengan data yang berubah.",
                "Serahkan persyaratan di loket Disdukcapil.",
                "Petugas memperbarui data pada SIAK.",
                "KK dan KTP-el baru dicetak dan diserahkan.",
            ],
            "legal_bases": [UU_ADMINDUK, PERPRES_96_2018, PERMENDAGRI_108_2019],
            "average_minutes": 15,
            "is_bookable": False,
        },
    ],
    "dpmptsp": [
        {
            "slug": "nib",
            "name": "Nomor Induk Berusaha (NIB)",
            "category": "Perizinan Berusaha",
            "summary": "Pendampingan pendaftaran NIB melalui OSS RBA, identitas pelaku usaha "
            "sekaligus izin usaha bagi usaha berisiko rendah.",
            "keywords": "izin usaha, SIUP, TDP, OSS, izin UMKM",
            "processing_time": "Terbit saat itu juga setelah data di OSS lengkap",
            "fee": 0,
            "product": "Nomor Induk Berusaha (NIB)",
            "requirements": [
                r("KTP-el pemilik usaha", asli=True),
                r("NPWP (NIK yang sudah dipadankan)"),
                r("Email dan nomor ponsel aktif"),
                r(
                    "Alamat dan titik lokasi usaha, bidang usaha (KBLI), "
                    "modal usaha dan jumlah tenaga kerja"
                ),
            ],
            "steps": [
                "Buat akun di oss.go.id dengan NIK, email dan nomor ponsel.",
                "Lengkapi data usaha dan pilih KBLI sesuai kegiatan usaha.",
                "Periksa dan setujui pernyataan mandiri.",
                "NIB terbit dan dapat diunduh dari OSS.",
            ],
            "legal_bases": [UU_CIPTA_KERJA, PP_OSS],
            "average_minutes": 25,
            "is_bookable": True,
            "online": ("OSS RBA", "https://oss.go.id"),
        },
        {
            "slug": "pbg",
            "name": "Persetujuan Bangunan Gedung (PBG)",
            "category": "Perizinan Bangunan",
            "summary": "Persetujuan untuk membangun baru, mengubah, memperluas atau merawat "
            "bangunan gedung (pengganti IMB), diajukan melalui SIMBG.",
            "keywords": "IMB, izin mendirikan bangunan, izin bangun rumah, SIMBG",
            "processing_time": "Paling lama 28 hari kerja sejak dokumen dinyatakan lengkap",
            "fee": None,
            "fee_note": "Retribusi PBG = luas total lantai x indeks terintegrasi x harga "
            "satuan retribusi (SHST), sesuai Perda Kabupaten Kutai Timur tentang Pajak "
            "Daerah dan Retribusi Daerah. Besarnya dihitung di SIMBG dan dibayar sebelum "
            "PBG terbit.",
            "product": "Dokumen PBG dan lampirannya",
            "requirements": [
                r("KTP-el pemohon", fc=1),
                r("Bukti kepemilikan tanah (sertifikat) atau perjanjian pemanfaatan tanah", fc=1),
                r("Gambar rencana teknis arsitektur, struktur dan utilitas"),
                r("Data perencana bangunan bagi bangunan yang wajib memakai penyedia jasa"),
                r("Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR) bila diperlukan"),
            ],
            "steps": [
                "Daftar akun dan isi permohonan di simbg.pu.go.id.",
                "Unggah dokumen rencana teknis.",
                "Konsultasi dan pemeriksaan oleh Tim Profesi Ahli/Tim Penilai Teknis.",
                "Terima nilai retribusi dan bayar melalui bank.",
                "PBG terbit di SIMBG.",
            ],
            "legal_bases": [UU_CIPTA_KERJA, PP_BANGUNAN, UU_HKPD],
            "average_minutes": 30,
            "is_bookable": True,
            "online": ("SIMBG", "https://simbg.pu.go.id"),
        },
        {
            "slug": "slf",
            "name": "Sertifikat Laik Fungsi (SLF)",
            "category": "Perizinan Bangunan",
            "summary": "Sertifikat bahwa bangunan gedung selesai dibangun sesuai PBG dan laik "
            "dipakai, diajukan melalui SIMBG.",
            "keywords": "laik fungsi, izin penggunaan bangunan",
            "processing_time": "Paling lama 3 hari kerja setelah pemeriksaan kelaikan",
            "fee": 0,
            "product": "Sertifikat Laik Fungsi dan label SLF",
            "requirements": [
                r("Dokumen PBG", fc=1),
                r("Surat pernyataan kelaikan fungsi dari pengawas/penyedia jasa konstruksi"),
                r("Gambar terbangun (as built drawing)"),
            ],
            "steps": [
                "Ajukan permohonan SLF di SIMBG setelah bangunan selesai.",
                "Unggah surat pernyataan kelaikan fungsi dan gambar terbangun.",
                "Pemeriksaan dokumen oleh dinas teknis.",
                "SLF terbit di SIMBG.",
            ],
            "legal_bases": [UU_CIPTA_KERJA, PP_BANGUNAN],
            "average_minutes": 20,
            "is_bookable": False,
            "online": ("SIMBG", "https://simbg.pu.go.id"),
        },
        {
            "slug": "sip-dokter",
            "name": "Surat Izin Praktik (SIP) Dokter dan Dokter Gigi",
            "category": "Perizinan Kesehatan",
            "summary": "Izin praktik bagi dokter dan dokter gigi di fasilitas pelayanan "
            "kesehatan atau praktik mandiri di Kutai Timur.",
            "keywords": "izin praktik dokter, SIP dokter, praktik mandiri, izin dokter gigi",
            "processing_time": "Paling lama 5 hari kerja sejak persyaratan lengkap",
            "fee": 0,
            "product": "Surat Izin Praktik",
            "requirements": [
                r("Surat Tanda Registrasi (STR) yang masih berlaku", fc=1),
                r("Surat keterangan dari fasilitas pelayanan kesehatan tempat praktik", asli=True),
                r("Pasfoto berwarna ukuran 4x6", note="3 lembar"),
                r("KTP-el", fc=1),
                r("Rekomendasi organisasi profesi (IDI/PDGI)", asli=True),
            ],
            "steps": [
                "Ajukan permohonan di loket DPMPTSP.",
                "Verifikasi berkas oleh petugas dan Dinas Kesehatan.",
                "Penandatanganan SIP oleh Kepala DPMPTSP.",
                "SIP diserahkan atau diunduh.",
            ],
            "legal_bases": [
                UU_KESEHATAN,
                "Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan "
                "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
            ],
            "average_minutes": 20,
            "is_bookable": True,
        },
        {
            "slug": "sip-bidan",
            "name": "Surat Izin Praktik Bidan (SIPB)",
            "category": "Perizinan Kesehatan",
            "summary": "Izin praktik bagi bidan di fasilitas pelayanan kesehatan atau tempat "
            "praktik mandiri bidan.",
            "keywords": "izin praktik bidan, praktik mandiri bidan",
            "processing_time": "Paling lama 5 hari kerja sejak persyaratan lengkap",
            "fee": 0,
            "product": "Surat Izin Praktik Bidan",
            "requirements": [
                r("Surat Tanda Registrasi (STR) Bidan yang masih berlaku", fc=1),
                r("Surat keterangan dari fasilitas pelayanan kesehatan tempat praktik", asli=True),
                r("Rekomendasi organisasi profesi (IBI)", asli=True),
                r("Pasfoto berwarna ukuran 4x6", note="3 lembar"),
            ],
            "steps": [
                "Ajukan permohonan di loket DPMPTSP.",
                "Verifikasi berkas dan peninjauan tempat praktik oleh Dinas Kesehatan.",
                "SIPB ditandatangani dan diserahkan.",
            ],
            "legal_bases": [UU_KESEHATAN],
            "average_minutes": 20,
            "is_bookable": False,
        },
        {
            "slug": "sip-perawat",
            "name": "Surat Izin Praktik Perawat (SIPP)",
            "category": "Perizinan Kesehatan",
            "summary": "Izin praktik bagi perawat di fasilitas pelayanan kesehatan atau praktik "
            "mandiri perawat.",
            "keywords": "izin praktik perawat",
            "processing_time": "Paling lama 5 hari kerja sejak persyaratan lengkap",
            "fee": 0,
            "product": "Surat Izin Praktik Perawat",
            "requirements": [
                r("Surat Tanda Registrasi (STR) Perawat yang masih berlaku", fc=1),
                r("Surat keterangan dari fasilitas pelayanan kesehatan tempat praktik", asli=True),
                r("Rekomendasi organisasi profesi (PPNI)", asli=True),
                r("Pasfoto berwarna ukuran 4x6", note="3 lembar"),
            ],
            "steps": [
                "Ajukan permohonan di loket DPMPTSP.",
                "Verifikasi berkas oleh petugas dan Dinas Kesehatan.",
                "SIPP ditandatangani dan diserahkan.",
            ],
            "legal_bases": [UU_KESEHATAN],
            "average_minutes": 20,
            "is_bookable": False,
        },
        {
            "slug": "izin-reklame",
            "name": "Izin Penyelenggaraan Reklame",
            "category": "Perizinan Daerah",
            "summary": "Izin memasang papan nama usaha, baliho, spanduk dan reklame lainnya.",
            "keywords": "baliho, spanduk, papan reklame, papan nama toko",
            "processing_time": "Paling lama 5 hari kerja",
            "fee": None,
            "fee_note": "Pajak reklame = nilai sewa reklame x tarif, sesuai Perda Kabupaten "
            "Kutai Timur tentang Pajak Daerah dan Retribusi Daerah; dihitung dan dibayar "
            "melalui Bapenda Kutai Timur.",
            "product": "Izin reklame",
            "requirements": [
                r("KTP-el pemohon", fc=1),
                r("NIB bagi pelaku usaha", fc=1),
                r("Desain, ukuran dan titik lokasi reklame"),
                r("Surat persetujuan pemilik lahan/bangunan tempat reklame", asli=True),
            ],
            "steps": [
                "Ajukan permohonan di loket DPMPTSP.",
                "Peninjauan lokasi oleh tim teknis.",
                "Bayar pajak reklame yang ditetapkan Bapenda.",
                "Izin reklame diterbitkan.",
            ],
            "legal_bases": [UU_HKPD],
            "average_minutes": 15,
            "is_bookable": False,
        },
    ],
    "samsat": [
        {
            "slug": "pkb-tahunan",
            "name": "Pembayaran PKB Tahunan dan Pengesahan STNK",
            "category": "Kendaraan Bermotor",
            "summary": "Bayar Pajak Kendaraan Bermotor (PKB) dan SWDKLLJ setiap tahun sekaligus "
            "pengesahan STNK.",
            "keywords": (
                "pajak motor, pajak mobil, bayar pajak kendaraan, pajak tahunan, STNK tahunan"
            ),
            "processing_time": "Selesai pada hari yang sama (sekitar 30 menit)",
            "fee": None,
            "fee_note": "PKB = Nilai Jual Kendaraan Bermotor (NJKB) x bobot x tarif PKB "
            "Provinsi Kalimantan Timur, ditambah opsen PKB untuk kabupaten.\n"
            "SWDKLLJ (Jasa Raharja): sepeda motor di atas 50 cc Rp35.000; mobil penumpang "
            "pribadi Rp143.000 per tahun.",
            "product": "STNK yang disahkan dan Notice Pajak (SKKP)",
            "requirements": [
                r("STNK asli", asli=True),
                r("KTP-el sesuai nama di STNK", asli=True, fc=1),
                r("Surat kuasa bermeterai dan KTP-el penerima kuasa", note="Bila diwakilkan."),
            ],
            "steps": [
                "Ambil nomor antrian dan serahkan STNK serta KTP-el di loket pendaftaran.",
                "Petugas menetapkan besarnya PKB dan SWDKLLJ.",
                "Bayar di loket kasir (tunai atau nontunai).",
                "Ambil STNK yang telah disahkan dan notice pajak.",
            ],
            "legal_bases": [UU_LLAJ, UU_HKPD, PERPOL_REGIDENT, PMK_SWDKLLJ],
            "average_minutes": 10,
            "is_bookable": True,
        },
        {
            "slug": "pkb-lima-tahunan",
            "name": "Perpanjangan STNK Lima Tahunan dan Ganti Pelat",
            "category": "Kendaraan Bermotor",
            "summary": "Penerbitan STNK baru dan TNKB (pelat nomor) setiap lima tahun, "
            "sekaligus pembayaran PKB.",
            "keywords": "ganti plat, plat nomor, perpanjang STNK, STNK 5 tahun, TNKB",
            "processing_time": "Selesai pada hari yang sama setelah cek fisik",
            "fee": None,
            "fee_note": "PKB dan SWDKLLJ tahunan, ditambah PNBP (PP 76/2020):\n"
            "Penerbitan STNK: roda 2/3 Rp100.000; roda 4 atau lebih Rp200.000.\n"
            "Penerbitan TNKB: roda 2/3 Rp60.000; roda 4 atau lebih Rp100.000.",
            "product": "STNK baru, TNKB baru dan notice pajak",
            "requirements": [
                r("STNK asli", asli=True),
                r("BPKB asli", asli=True, fc=1),
                r("KTP-el sesuai nama di STNK", asli=True, fc=1),
                r("Kendaraan dibawa untuk cek fisik nomor rangka dan nomor mesin"),
            ],
            "steps": [
                "Lakukan cek fisik kendaraan dan ambil hasil gesekan nomor rangka/mesin.",
                "Serahkan berkas di loket pendaftaran.",
                "Bayar PKB, SWDKLLJ dan PNBP di kasir.",
                "Ambil STNK dan TNKB baru.",
            ],
            "legal_bases": [UU_LLAJ, UU_HKPD, PERPOL_REGIDENT, PP_PNBP_POLRI],
            "average_minutes": 20,
            "is_bookable": True,
        },
        {
            "slug": "balik-nama",
            "name": "Balik Nama Kendaraan Bermotor",
            "category": "Kendaraan Bermotor",
            "summary": "Pengalihan kepemilikan kendaraan bekas ke nama pemilik baru.",
            "keywords": "BBNKB, balik nama motor, balik nama mobil, ganti nama STNK",
            "processing_time": "STNK di hari yang sama; BPKB paling lama 14 hari kerja",
            "fee": None,
            "fee_note": "Bea Balik Nama Kendaraan Bermotor atas penyerahan kedua dan "
            "seterusnya tidak dipungut lagi (UU 1/2022); dibayar PKB, SWDKLLJ dan PNBP "
            "penerbitan STNK, TNKB dan BPKB "
            "(BPKB roda 2/3 Rp225.000; roda 4 atau lebih Rp375.000).",
            "product": "STNK, TNKB dan BPKB atas nama pemilik baru",
            "requirements": [
                r("STNK dan BPKB asli", asli=True),
                r("KTP-el pemilik baru", asli=True, fc=1),
                r("Kuitansi pembelian bermeterai", asli=True),
                r("Hasil cek fisik kendaraan"),
            ],
            "steps": [
                "Cek fisik kendaraan.",
                "Daftarkan berkas di loket BPKB Satlantas, lalu di loket Samsat.",
                "Bayar pajak dan PNBP di kasir.",
                "Ambil STNK dan TNKB; BPKB diambil sesuai tanda terima.",
            ],
            "legal_bases": [UU_LLAJ, UU_HKPD, PERPOL_REGIDENT, PP_PNBP_POLRI],
            "average_minutes": 25,
            "is_bookable": False,
        },
        {
            "slug": "mutasi-keluar",
            "name": "Mutasi Kendaraan Keluar Daerah",
            "category": "Kendaraan Bermotor",
            "summary": "Cabut berkas kendaraan yang pindah ke provinsi lain.",
            "keywords": "cabut berkas, mutasi kendaraan, pindah plat",
            "processing_time": "Paling lama 3 hari kerja",
            "fee": None,
            "fee_note": "PNBP penerbitan surat mutasi (PP 76/2020): roda 2/3 Rp150.000; roda 4 "
            "atau lebih Rp250.000. PKB harus lunas sampai tahun berjalan.",
            "product": "Surat mutasi kendaraan dan berkas kendaraan",
            "requirements": [
                r("STNK dan BPKB asli", asli=True, fc=2),
                r("KTP-el pemilik", asli=True, fc=2),
                r("Hasil cek fisik kendaraan"),
            ],
            "steps": [
                "Cek fisik kendaraan.",
                "Ajukan mutasi di loket BPKB Satlantas dan loket Samsat.",
                "Bayar PNBP surat mutasi.",
                "Ambil berkas mutasi untuk didaftarkan di daerah tujuan.",
            ],
            "legal_bases": [UU_LLAJ, PERPOL_REGIDENT, PP_PNBP_POLRI],
            "average_minutes": 20,
            "is_bookable": False,
        },
        {
            "slug": "mutasi-masuk",
            "name": "Pendaftaran Kendaraan Mutasi Masuk",
            "category": "Kendaraan Bermotor",
            "summary": "Pendaftaran kendaraan dari provinsi lain menjadi kendaraan pelat KT.",
            "keywords": "plat KT, mutasi masuk, kendaraan luar daerah",
            "processing_time": "STNK di hari yang sama; BPKB paling lama 14 hari kerja",
            "fee": None,
            "fee_note": "PKB tahun berjalan dan SWDKLLJ, ditambah PNBP penerbitan STNK, TNKB "
            "dan BPKB sesuai PP 76/2020.",
            "product": "STNK, TNKB dan BPKB pelat KT",
            "requirements": [
                r("Berkas mutasi dari daerah asal (tersegel)", asli=True),
                r("BPKB asli", asli=True),
                r("KTP-el pemilik berdomisili di Kutai Timur", asli=True, fc=1),
                r("Hasil cek fisik kendaraan"),
            ],
            "steps": [
                "Cek fisik kendaraan.",
                "Serahkan berkas mutasi di loket BPKB Satlantas dan Samsat.",
                "Bayar pajak dan PNBP.",
                "Ambil STNK dan TNKB baru.",
            ],
            "legal_bases": [UU_LLAJ, UU_HKPD, PERPOL_REGIDENT, PP_PNBP_POLRI],
            "average_minutes": 25,
            "is_bookable": False,
        },
    ],
    "bpjs-kesehatan": [
        {
            "slug": "pendaftaran-peserta-mandiri",
            "name": "Pendaftaran Peserta JKN Mandiri (PBPU)",
            "category": "Jaminan Kesehatan",
            "summary": "Pendaftaran peserta Jaminan Kesehatan Nasional bagi pekerja bukan "
            "penerima upah dan keluarganya.",
            "keywords": "daftar BPJS, kartu BPJS, KIS, JKN mandiri, BPJS kesehatan baru",
            "processing_time": "Selesai saat itu juga; kartu aktif setelah iuran pertama "
            "dibayar (paling cepat 14 hari sejak pendaftaran)",
            "fee": 0,
            "fee_note": "Pendaftaran gratis. Iuran bulanan per orang: kelas I Rp150.000, kelas "
            "II Rp100.000, kelas III Rp42.000 (peserta membayar Rp35.000, sisanya dibayar "
            "pemerintah).",
            "product": "Nomor peserta JKN dan KIS digital (aplikasi Mobile JKN)",
            "requirements": [
                r("KTP-el seluruh anggota keluarga yang didaftarkan", asli=True),
                r("Kartu Keluarga", asli=True),
                r("Buku tabungan atau rekening untuk autodebit iuran", fc=1),
                r("Nomor ponsel dan email aktif"),
            ],
            "steps": [
                "Serahkan persyaratan di loket BPJS Kesehatan.",
                "Pilih kelas rawat dan fasilitas kesehatan tingkat pertama (FKTP).",
                "Terima nomor virtual account dan bayar iuran pertama.",
                "Kartu aktif dan dapat dilihat di aplikasi Mobile JKN.",
            ],
            "legal_bases": [UU_SJSN, UU_BPJS, PERPRES_JKN],
            "average_minutes": 15,
            "is_bookable": True,
            "online": (
                "Mobile JKN",
                "https://play.google.com/store/apps/details?id=app.bpjs.mobile",
            ),
        },
        {
            "slug": "pendaftaran-bayi-baru-lahir",
            "name": "Pendaftaran Bayi Baru Lahir",
            "category": "Jaminan Kesehatan",
            "summary": "Pendaftaran bayi sebagai peserta JKN, paling lambat 28 hari sejak lahir "
            "agar langsung terjamin.",
            "keywords": "BPJS bayi, daftar anak BPJS",
            "processing_time": "Selesai saat itu juga",
            "fee": 0,
            "fee_note": "Iuran bayi sesuai kelas orang tua mulai bulan pendaftaran.",
            "product": "Nomor peserta JKN bayi",
            "requirements": [
                r("Kartu Keluarga yang sudah memuat bayi", asli=True),
                r("Akta kelahiran atau surat keterangan lahir", fc=1),
                r("Nomor kartu JKN orang tua"),
            ],
            "steps": [
                "Serahkan persyaratan di loket BPJS Kesehatan.",
                "Petugas mendaftarkan bayi pada kelas yang sama dengan orang tua.",
                "Bayar iuran bayi; kartu aktif sesuai ketentuan.",
            ],
            "legal_bases": [UU_SJSN, UU_BPJS, PERPRES_JKN],
            "average_minutes": 10,
            "is_bookable": False,
        },
        {
            "slug": "perubahan-data-peserta",
            "name": "Perubahan Data Peserta JKN",
            "category": "Jaminan Kesehatan",
            "summary": "Perbaikan nama, NIK, alamat, nomor ponsel atau perubahan kelas rawat.",
            "keywords": "ubah data BPJS, ganti kelas BPJS, naik kelas, turun kelas",
            "processing_time": "Selesai saat itu juga",
            "fee": 0,
            "product": "Data peserta yang diperbarui",
            "requirements": [
                r("Kartu JKN/KIS atau nomor peserta"),
                r("KTP-el", asli=True),
                r("Kartu Keluarga", asli=True),
            ],
            "steps": [
                "Sampaikan perubahan yang diperlukan di loket BPJS Kesehatan.",
                "Petugas memverifikasi dengan data kependudukan.",
                "Data diperbarui; perubahan kelas berlaku sesuai ketentuan.",
            ],
            "legal_bases": [UU_BPJS, PERPRES_JKN],
            "average_minutes": 10,
            "is_bookable": False,
            "online": ("PANDAWA", "https://wa.me/628118165165"),
        },
        {
            "slug": "pindah-faskes",
            "name": "Perpindahan Fasilitas Kesehatan Tingkat Pertama",
            "category": "Jaminan Kesehatan",
            "summary": "Ganti puskesmas, klinik atau dokter keluarga (FKTP) tempat terdaftar, "
            "setelah minimal 3 bulan di FKTP sebelumnya.",
            "keywords": "ganti faskes, pindah puskesmas, ganti klinik BPJS",
            "processing_time": "Selesai saat itu juga; berlaku pada bulan berikutnya",
            "fee": 0,
            "product": "FKTP baru tercatat pada kartu JKN",
            "requirements": [r("Kartu JKN/KIS atau nomor peserta"), r("KTP-el", asli=True)],
            "steps": [
                "Pilih FKTP tujuan di loket atau aplikasi Mobile JKN.",
                "Petugas mencatat perpindahan.",
                "FKTP baru berlaku mulai tanggal 1 bulan berikutnya.",
            ],
            "legal_bases": [UU_BPJS, PERPRES_JKN],
            "average_minutes": 10,
            "is_bookable": False,
            "online": (
                "Mobile JKN",
                "https://play.google.com/store/apps/details?id=app.bpjs.mobile",
            ),
        },
    ],
    "polres": [
        {
            "slug": "skck-baru",
            "name": "Penerbitan SKCK Baru",
            "category": "Kepolisian",
            "summary": "Surat Keterangan Catatan Kepolisian untuk melamar kerja, CPNS, "
            "sekolah atau keperluan lain.",
            "keywords": "SKCK, surat kelakuan baik, surat catatan kepolisian",
            "processing_time": "Selesai pada hari yang sama bila persyaratan lengkap",
            "fee": 30000,
            "fee_note": "PNBP penerbitan SKCK Rp30.000 (PP 76/2020).",
            "product": "SKCK, berlaku 6 bulan",
            "requirements": [
                r("KTP-el", fc=1, asli=True),
                r("Kartu Keluarga", fc=1),
                r("Akta kelahiran atau ijazah terakhir", fc=1),
                r(
                    "Pasfoto berwarna latar merah ukuran 4x6, 6 lembar",
                    note="Pakaian sopan berkerah.",
                ),
                r("Kartu sidik jari (diambil di Polres bila belum punya)"),
            ],
            "steps": [
                "Daftar secara daring di skck.polri.go.id atau langsung di loket.",
                "Perekaman atau pengambilan sidik jari.",
                "Verifikasi data catatan kepolisian.",
                "Bayar PNBP Rp30.000.",
                "SKCK dicetak dan diserahkan.",
            ],
            "legal_bases": [UU_POLRI, PERKAP_SKCK, PP_PNBP_POLRI],
            "average_minutes": 15,
            "is_bookable": True,
            "online": ("Pendaftaran SKCK online", "https://skck.polri.go.id"),
        },
        {
            "slug": "skck-perpanjangan",
            "name": "Perpanjangan SKCK",
            "category": "Kepolisian",
            "summary": "Perpanjangan SKCK yang habis masa berlakunya, paling lambat 1 tahun "
            "sejak berakhir.",
            "keywords": "perpanjang SKCK, SKCK habis",
            "processing_time": "Selesai pada hari yang sama",
            "fee": 30000,
            "fee_note": "PNBP penerbitan SKCK Rp30.000 (PP 76/2020).",
            "product": "SKCK, berlaku 6 bulan",
            "requirements": [
                r("SKCK lama (lembar legalisasi)", asli=True),
                r("KTP-el", fc=1, asli=True),
                r("Kartu Keluarga", fc=1),
                r("Pasfoto berwarna latar merah ukuran 4x6, 2 lembar"),
            ],
            "steps": [
                "Serahkan SKCK lama dan persyaratan di loket.",
                "Verifikasi data oleh petugas.",
                "Bayar PNBP Rp30.000.",
                "SKCK baru dicetak dan diserahkan.",
            ],
            "legal_bases": [UU_POLRI, PERKAP_SKCK, PP_PNBP_POLRI],
            "average_minutes": 10,
            "is_bookable": True,
            "online": ("Pendaftaran SKCK online", "https://skck.polri.go.id"),
        },
        {
            "slug": "surat-keterangan-kehilangan",
            "name": "Surat Keterangan Tanda Lapor Kehilangan",
            "category": "Kepolisian",
            "summary": "Surat keterangan kehilangan barang atau dokumen (KTP-el, STNK, ATM, "
            "ijazah) untuk mengurus penggantian.",
            "keywords": "surat kehilangan, lapor hilang, KTP hilang, STNK hilang",
            "processing_time": "Selesai saat itu juga",
            "fee": 0,
            "product": "Surat Keterangan Tanda Lapor Kehilangan",
            "requirements": [
                r("Identitas pelapor (KTP-el)", asli=True),
                r("Fotokopi dokumen yang hilang bila ada", fc=1),
            ],
            "steps": [
                "Sampaikan laporan kehilangan kepada petugas.",
                "Petugas mencatat keterangan dan menerbitkan surat.",
            ],
            "legal_bases": [UU_POLRI],
            "average_minutes": 10,
            "is_bookable": False,
        },
    ],
    "imigrasi": [
        {
            "slug": "paspor-baru",
            "name": "Permohonan Paspor Baru",
            "category": "Keimigrasian",
            "summary": "Paspor biasa untuk WNI yang belum pernah memiliki paspor; daftar dulu "
            "melalui aplikasi M-Paspor.",
            "keywords": "paspor, passport, bikin paspor, e-paspor, M-Paspor",
            "processing_time": "4 hari kerja setelah wawancara dan pembayaran",
            "fee": None,
            "fee_note": "Paspor biasa 48 halaman Rp350.000; paspor elektronik "
            "Rp650.000, masa berlaku 10 tahun bagi usia 17 tahun ke atas, sesuai PP 28/2019 "
            "dan ketentuan perubahannya. Layanan percepatan (selesai di hari yang sama) "
            "Rp1.000.000 tambahan.",
            "product": "Paspor biasa",
            "requirements": [
                r("KTP-el", asli=True),
                r("Kartu Keluarga", asli=True),
                r("Akta kelahiran, ijazah, buku nikah atau surat baptis", asli=True),
                r(
                    "Surat rekomendasi instansi bagi pekerja migran/keperluan khusus",
                    asli=True,
                    note="Bila ada.",
                ),
            ],
            "steps": [
                "Daftar dan pilih jadwal di aplikasi M-Paspor, lalu bayar PNBP.",
                "Datang sesuai jadwal dengan dokumen asli.",
                "Verifikasi dokumen, pengambilan foto, sidik jari dan wawancara.",
                "Ambil paspor sesuai tanda terima.",
            ],
            "legal_bases": [UU_KEIMIGRASIAN, PERMENKUMHAM_PASPOR, PP_PNBP_KUMHAM],
            "average_minutes": 20,
            "is_bookable": True,
            "online": ("M-Paspor", "https://www.imigrasi.go.id"),
        },
        {
            "slug": "penggantian-paspor",
            "name": "Penggantian Paspor Habis Berlaku atau Penuh",
            "category": "Keimigrasian",
            "summary": "Paspor baru bagi pemilik paspor yang habis masa berlaku atau halamannya "
            "penuh.",
            "keywords": "perpanjang paspor, paspor habis, ganti paspor",
            "processing_time": "4 hari kerja setelah wawancara dan pembayaran",
            "fee": None,
            "fee_note": "Sama dengan paspor baru: Rp350.000 (paspor biasa) atau Rp650.000 "
            "(paspor elektronik).",
            "product": "Paspor biasa",
            "requirements": [
                r("Paspor lama", asli=True),
                r("KTP-el", asli=True),
                r("Kartu Keluarga", asli=True, note="Bila data paspor lama berbeda dengan KTP-el."),
            ],
            "steps": [
                "Daftar di aplikasi M-Paspor dan bayar PNBP.",
                "Datang sesuai jadwal; verifikasi, foto dan wawancara.",
                "Ambil paspor baru sesuai tanda terima.",
            ],
            "legal_bases": [UU_KEIMIGRASIAN, PERMENKUMHAM_PASPOR, PP_PNBP_KUMHAM],
            "average_minutes": 15,
            "is_bookable": True,
            "online": ("M-Paspor", "https://www.imigrasi.go.id"),
        },
        {
            "slug": "paspor-hilang-rusak",
            "name": "Penggantian Paspor Hilang atau Rusak",
            "category": "Keimigrasian",
            "summary": "Penggantian paspor yang hilang atau rusak, didahului pemeriksaan oleh "
            "petugas imigrasi.",
            "keywords": "paspor hilang, paspor rusak",
            "processing_time": "Setelah berita acara pemeriksaan; paspor terbit 4 hari kerja "
            "setelah pembayaran",
            "fee": None,
            "fee_note": "Biaya paspor ditambah beban penggantian (PP 28/2019): paspor hilang "
            "Rp1.000.000; paspor rusak Rp500.000.",
            "product": "Paspor biasa pengganti",
            "requirements": [
                r(
                    "Surat keterangan kehilangan dari kepolisian",
                    asli=True,
                    note="Untuk paspor hilang.",
                ),
                r("Paspor yang rusak", asli=True, note="Untuk paspor rusak."),
                r("KTP-el dan Kartu Keluarga", asli=True),
                r("Akta kelahiran, ijazah atau buku nikah", asli=True),
            ],
            "steps": [
                "Datang ke unit layanan paspor dengan dokumen asli.",
                "Pemeriksaan dan pembuatan berita acara oleh petugas imigrasi.",
                "Bayar PNBP dan beban penggantian.",
                "Ambil paspor sesuai tanda terima.",
            ],
            "legal_bases": [UU_KEIMIGRASIAN, PERMENKUMHAM_PASPOR, PP_PNBP_KUMHAM],
            "average_minutes": 30,
            "is_bookable": False,
        },
    ],
    "kpp-pratama": [
        {
            "slug": "npwp-orang-pribadi",
            "name": "Pendaftaran NPWP Orang Pribadi",
            "category": "Perpajakan",
            "summary": "Pendaftaran Wajib Pajak orang pribadi; NIK berfungsi sebagai NPWP setelah "
            "dipadankan.",
            "keywords": "NPWP, bikin NPWP, nomor pokok wajib pajak, kartu NPWP",
            "processing_time": "Selesai saat itu juga bila data lengkap",
            "fee": 0,
            "product": "NPWP (NIK) dan Surat Keterangan Terdaftar",
            "requirements": [
                r("KTP-el", asli=True),
                r(
                    "Surat keterangan usaha atau dokumen kegiatan usaha",
                    note="Bagi yang menjalankan usaha.",
                ),
                r("Email dan nomor ponsel aktif"),
            ],
            "steps": [
                "Isi formulir pendaftaran atau daftar di Coretax DJP.",
                "Petugas memverifikasi dan memadankan NIK.",
                "NPWP dan Surat Keterangan Terdaftar diterbitkan.",
            ],
            "legal_bases": [UU_KUP, PMK_NIK_NPWP, PMK_CORETAX],
            "average_minutes": 15,
            "is_bookable": True,
            "online": ("Coretax DJP", "https://coretaxdjp.pajak.go.id"),
        },
        {
            "slug": "aktivasi-coretax",
            "name": "Aktivasi Akun Coretax DJP",
            "category": "Perpajakan",
            "summary": "Aktivasi akun Wajib Pajak di Coretax DJP dan pembuatan kode otorisasi "
            "/ sertifikat elektronik.",
            "keywords": "coretax, akun pajak, EFIN, lupa password pajak, kode otorisasi",
            "processing_time": "Selesai saat itu juga",
            "fee": 0,
            "product": "Akun Coretax aktif dan kode otorisasi DJP",
            "requirements": [
                r("KTP-el", asli=True),
                r("Email dan nomor ponsel aktif"),
            ],
            "steps": [
                "Sampaikan permintaan aktivasi kepada petugas.",
                "Verifikasi identitas dan swafoto.",
                "Aktivasi akun dan pembuatan kode otorisasi di Coretax.",
            ],
            "legal_bases": [UU_KUP, PMK_CORETAX],
            "average_minutes": 15,
            "is_bookable": True,
            "online": ("Coretax DJP", "https://coretaxdjp.pajak.go.id"),
        },
        {
            "slug": "spt-tahunan",
            "name": "Pendampingan Pelaporan SPT Tahunan",
            "category": "Perpajakan",
            "summary": "Bantuan mengisi dan menyampaikan SPT Tahunan PPh orang pribadi secara "
            "elektronik; batas waktu 31 Maret.",
            "keywords": "lapor pajak, SPT, lapor SPT, pajak tahunan pribadi",
            "processing_time": "Selesai saat itu juga",
            "fee": 0,
            "product": "Bukti Penerimaan Elektronik (BPE) SPT Tahunan",
            "requirements": [
                r("Akun Coretax aktif"),
                r("Bukti potong PPh 21 dari pemberi kerja"),
                r("Daftar harta dan utang akhir tahun"),
            ],
            "steps": [
                "Masuk ke akun Coretax bersama petugas.",
                "Isi SPT Tahunan sesuai bukti potong dan daftar harta.",
                "Kirim SPT dan simpan bukti penerimaan elektronik.",
            ],
            "legal_bases": [UU_KUP, PMK_CORETAX],
            "average_minutes": 20,
            "is_bookable": False,
            "online": ("Coretax DJP", "https://coretaxdjp.pajak.go.id"),
        },
        {
            "slug": "konsultasi-perpajakan",
            "name": "Konsultasi Perpajakan",
            "category": "Perpajakan",
            "summary": "Tanya jawab hak dan kewajiban perpajakan: PPh final UMKM 0,5%, "
            "pembayaran dengan kode billing, dan pemadanan NIK-NPWP.",
            "keywords": "tanya pajak, pajak UMKM, kode billing, pemadanan NIK",
            "processing_time": "Selesai saat itu juga",
            "fee": 0,
            "product": "Informasi dan panduan perpajakan",
            "requirements": [r("KTP-el atau NPWP", asli=True)],
            "steps": [
                "Ambil nomor antrian layanan konsultasi.",
                "Sampaikan pertanyaan kepada petugas.",
                "Petugas menjelaskan dan, bila perlu, membantu di Coretax.",
            ],
            "legal_bases": [UU_KUP],
            "average_minutes": 15,
            "is_bookable": False,
        },
    ],
    "bank-kaltimtara": [
        {
            "slug": "pembukaan-rekening",
            "name": "Pembukaan Rekening Tabungan",
            "category": "Perbankan",
            "summary": "Buka rekening tabungan perorangan beserta kartu ATM/debit.",
            "keywords": "buka rekening, tabungan, ATM, rekening bank",
            "processing_time": "Sekitar 30 menit",
            "fee": 0,
            "fee_note": "Tanpa biaya pembukaan; setoran awal sesuai jenis tabungan menjadi "
            "saldo (TabunganKu mulai Rp20.000, tanpa biaya administrasi bulanan).",
            "product": "Buku tabungan dan kartu ATM/debit",
            "requirements": [
                r("KTP-el", asli=True),
                r("NPWP", note="Bila ada."),
                r("Nomor ponsel aktif"),
                r("Setoran awal"),
            ],
            "steps": [
                "Ambil antrian customer service.",
                "Isi formulir pembukaan rekening.",
                "Verifikasi data dan tanda tangan.",
                "Setor dana awal; terima buku tabungan dan kartu ATM.",
            ],
            "legal_bases": [UU_PERBANKAN, UU_P2SK, POJK_KONSUMEN],
            "average_minutes": 30,
            "is_bookable": True,
        },
        {
            "slug": "tabungan-simpel",
            "name": "Pembukaan Tabungan Simpanan Pelajar (SimPel)",
            "category": "Perbankan",
            "summary": "Tabungan untuk pelajar PAUD sampai SMA, dibuka bersama orang tua/wali.",
            "keywords": "tabungan pelajar, tabungan anak, SimPel",
            "processing_time": "Sekitar 30 menit",
            "fee": 0,
            "fee_note": "Tanpa biaya pembukaan; setoran awal minimal Rp5.000 menjadi saldo "
            "tabungan. Tanpa biaya administrasi bulanan.",
            "product": "Buku tabungan SimPel",
            "requirements": [
                r("Kartu pelajar atau surat keterangan sekolah", fc=1),
                r("Kartu Keluarga", fc=1),
                r("KTP-el orang tua/wali", asli=True),
            ],
            "steps": [
                "Isi formulir pembukaan rekening bersama orang tua/wali.",
                "Verifikasi data oleh customer service.",
                "Setor dana awal dan terima buku tabungan.",
            ],
            "legal_bases": [UU_PERBANKAN, POJK_KONSUMEN],
            "average_minutes": 25,
            "is_bookable": False,
        },
        {
            "slug": "kredit-usaha-rakyat",
            "name": "Pengajuan Kredit Usaha Rakyat (KUR)",
            "category": "Perbankan",
            "summary": "Kredit modal kerja dan investasi bersubsidi bunga bagi usaha mikro, "
            "kecil dan menengah yang layak.",
            "keywords": "KUR, pinjaman usaha, modal usaha, kredit UMKM",
            "processing_time": "Sesuai penilaian kelayakan usaha oleh bank",
            "fee": None,
            "fee_note": "KUR Mikro (plafon sampai Rp100 juta) bunga 6% efektif per tahun; "
            "tanpa biaya provisi dan administrasi, sesuai Permenko Perekonomian tentang "
            "Pedoman Pelaksanaan KUR.",
            "product": "Perjanjian kredit dan pencairan KUR",
            "requirements": [
                r("KTP-el pemohon dan pasangan", fc=1, asli=True),
                r("Kartu Keluarga", fc=1),
                r("NIB atau surat keterangan usaha", fc=1),
                r("Usaha telah berjalan aktif paling sedikit 6 bulan"),
            ],
            "steps": [
                "Konsultasikan kebutuhan kredit di customer service.",
                "Serahkan berkas permohonan.",
                "Survei usaha dan analisis kelayakan oleh bank.",
                "Penandatanganan perjanjian kredit dan pencairan.",
            ],
            "legal_bases": [
                UU_PERBANKAN,
                "Peraturan Menteri Koordinator Bidang Perekonomian Nomor 1 Tahun 2023 "
                "tentang Pedoman Pelaksanaan Kredit Usaha Rakyat",
            ],
            "average_minutes": 30,
            "is_bookable": True,
        },
        {
            "slug": "pembayaran-pbb",
            "name": "Pembayaran PBB-P2 dan Pajak Daerah",
            "category": "Perbankan",
            "summary": "Bayar Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2) dan "
            "pajak daerah Kabupaten Kutai Timur di teller.",
            "keywords": "bayar PBB, pajak bumi bangunan, pajak rumah, pajak tanah, SPPT",
            "processing_time": "Sekitar 10 menit",
            "fee": None,
            "fee_note": "Sebesar pajak terutang pada SPPT atau surat ketetapan pajak.",
            "product": "Bukti setor/STTS yang sah",
            "requirements": [r("SPPT PBB-P2 atau nomor objek pajak (NOP)", fc=1)],
            "steps": [
                "Serahkan SPPT atau sebutkan NOP kepada teller.",
                "Teller menampilkan tagihan dari sistem Bapenda.",
                "Bayar dan terima bukti setor.",
            ],
            "legal_bases": [UU_HKPD],
            "average_minutes": 10,
            "is_bookable": False,
        },
    ],
}

PLEDGES = {
    slug: (
        "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar "
        "pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap "
        "menerima sanksi sesuai peraturan perundang-undangan yang berlaku."
    )
    for slug in COMPLAINTS
}

SYNONYMS = [
    ("akte", "akta"),
    ("e-ktp", "ktp-el"),
    ("ektp", "ktp-el"),
    ("ktp elektronik", "ktp-el"),
    ("kk", "kartu keluarga"),
    ("imb", "persetujuan bangunan gedung"),
    ("izin mendirikan bangunan", "persetujuan bangunan gedung"),
    ("siup", "nomor induk berusaha"),
    ("izin usaha", "nomor induk berusaha"),
    ("npwp", "nomor pokok wajib pajak npwp"),
    ("skck", "surat keterangan catatan kepolisian"),
    ("kelakuan baik", "catatan kepolisian"),
    ("bpkb", "balik nama kendaraan"),
    ("pajak motor", "pajak kendaraan bermotor"),
    ("pajak mobil", "pajak kendaraan bermotor"),
    ("plat", "tnkb pelat"),
    ("passport", "paspor"),
    ("nikah", "perkawinan"),
    ("kawin", "perkawinan"),
    ("cerai", "perceraian"),
    ("lahir", "kelahiran"),
    ("meninggal", "kematian"),
    ("bpjs", "jaminan kesehatan jkn"),
    ("kis", "jaminan kesehatan jkn"),
    ("faskes", "fasilitas kesehatan"),
    ("puskesmas", "fasilitas kesehatan"),
    ("atm", "rekening tabungan"),
    ("pbb", "pajak bumi dan bangunan"),
    # Everyday English of visitors who read the portal in English, for the services whose
    # agency gave no English texts.
    ("birth certificate", "akta kelahiran"),
    ("death certificate", "akta kematian"),
    ("marriage certificate", "akta perkawinan"),
    ("divorce certificate", "akta perceraian"),
    ("id card", "ktp-el"),
    ("identity card", "ktp-el"),
    ("child id card", "kartu identitas anak"),
    ("family card", "kartu keluarga"),
    ("change of address", "pindah"),
    ("driving licence", "surat izin mengemudi"),
    ("driving license", "surat izin mengemudi"),
    ("driver's license", "surat izin mengemudi"),
    ("vehicle tax", "pajak kendaraan bermotor"),
    ("car tax", "pajak kendaraan bermotor"),
    ("motorcycle tax", "pajak kendaraan bermotor"),
    ("vehicle registration", "stnk"),
    ("number plate", "tnkb pelat"),
    ("license plate", "tnkb pelat"),
    ("business licence", "nomor induk berusaha"),
    ("business license", "nomor induk berusaha"),
    ("business permit", "nomor induk berusaha"),
    ("building permit", "persetujuan bangunan gedung"),
    ("police clearance", "surat keterangan catatan kepolisian"),
    ("police certificate", "surat keterangan catatan kepolisian"),
    ("good conduct", "catatan kepolisian"),
    ("loss report", "tanda lapor kehilangan"),
    ("health insurance", "jaminan kesehatan jkn"),
    ("tax number", "nomor pokok wajib pajak npwp"),
    ("tax id", "nomor pokok wajib pajak npwp"),
    ("tax return", "spt tahunan"),
    ("bank account", "rekening tabungan"),
    ("savings account", "rekening tabungan"),
    ("property tax", "pajak bumi dan bangunan"),
    ("business loan", "kredit usaha rakyat"),
    ("practice licence", "surat izin praktik"),
    ("practice license", "surat izin praktik"),
]

ENGLISH_CATEGORIES = {
    "Jaminan Kesehatan": "Health Insurance",
    "Keimigrasian": "Immigration",
    "Kendaraan Bermotor": "Motor Vehicles",
    "Kependudukan": "Population Registration",
    "Kepolisian": "Police",
    "Pencatatan Sipil": "Civil Registration",
    "Perbankan": "Banking",
    "Perizinan Bangunan": "Building Permits",
    "Perizinan Berusaha": "Business Licensing",
    "Perizinan Daerah": "Local Permits",
    "Perizinan Kesehatan": "Health Licensing",
    "Perpajakan": "Taxation",
}


def en(text: str, note: str = "") -> dict:
    return {"text_en": text, "note_en": note}


# The English texts of the demo services, as an agency would give them beside the
# Indonesian ones; requirements and steps in the order of the Indonesian lists above.
ENGLISH = {
    "dukcapil/ktp-el": {
        "name": "Electronic Identity Card (KTP-el)",
        "summary": "Electronic identity card for residents aged 17 or over, or who are or "
        "have been married; also replacement of a damaged or lost card or after a change of "
        "data.",
        "description": "Biometric recording (photo, fingerprints, iris and signature) for "
        "first-time applicants, then printing of the KTP-el. The KTP-el is valid for life.",
        "processing_time": "1 working day after recording if the requirements are complete",
        "product": "KTP-el (electronic identity card)",
        "requirements": [
            en("Family card (Kartu Keluarga, KK)"),
            en("Old KTP-el", "For a replacement because of damage or a change of data."),
            en("Police report of loss", "Only if the KTP-el was lost."),
            en(
                "Marriage book or marriage certificate extract",
                "For applicants under 17 who are married.",
            ),
        ],
        "steps": [
            "Take a queue number at the kiosk or come at the time of your booking.",
            "Hand the family card and supporting documents to the Disdukcapil counter.",
            "The clerk checks your data in SIAK, the population administration system.",
            "Have your photo, fingerprints, iris and signature recorded (first-time applicants).",
            "The KTP-el is printed and handed to you.",
        ],
    },
    "dukcapil/kartu-keluarga": {
        "name": "Family Card (Kartu Keluarga)",
        "summary": "A new family card (a new family, or splitting from a family card) or an "
        "updated card after a birth, a death, a move or a change of data.",
        "processing_time": "1 working day if the requirements are complete",
        "product": "Family card (printed on plain paper with an electronic signature)",
        "requirements": [
            en(
                "Marriage book or marriage certificate extract, or divorce certificate extract",
                "To form a new family.",
            ),
            en("Old family card", "For a change or a split."),
            en("Moving certificate (Surat Keterangan Pindah)", "For residents moving in."),
            en(
                "Civil registration documents (birth certificate, death certificate) when "
                "family members change"
            ),
            en(
                "Statement of absolute responsibility (SPTJM) for the marriage",
                "If you have no marriage book yet; the form is available at the counter.",
            ),
        ],
        "steps": [
            "Fill in the family data form (F-1.01) at the counter or get it from the clerk.",
            "Hand in the form and the requirements at the Disdukcapil counter.",
            "The clerk checks and updates the data in SIAK.",
            "The family card is printed, signed electronically and handed to you.",
        ],
    },
    "dukcapil/akta-kelahiran": {
        "name": "Birth Certificate",
        "summary": "Registration of a birth and issue of a birth certificate extract, for "
        "children and for adults who have no birth certificate yet.",
        "processing_time": "1 working day if the requirements are complete",
        "product": "Birth certificate extract and an updated family card",
        "requirements": [
            en(
                "Birth notification from the hospital, community health centre (puskesmas), "
                "doctor, midwife or village head"
            ),
            en("Parents' marriage book or marriage certificate extract"),
            en("Family card in which the child is registered"),
            en("KTP-el of both parents"),
            en(
                "Statement of absolute responsibility (SPTJM) for the birth data",
                "If there is no birth notification.",
            ),
            en(
                "Statement of absolute responsibility (SPTJM) as husband and wife",
                "If the parents have no marriage book yet.",
            ),
        ],
        "steps": [
            "Fill in the civil registration form for events in Indonesia (F-2.01).",
            "Hand in the form and the requirements at the Disdukcapil counter.",
            "The clerk checks the data and records the birth in the register.",
            "The civil registrar signs the certificate extract electronically.",
            "The birth certificate extract and the new family card are handed to you.",
        ],
    },
    "dukcapil/akta-kematian": {
        "name": "Death Certificate",
        "summary": "Registration of a resident's death, reported by the family within 30 "
        "days of the death.",
        "processing_time": "1 working day if the requirements are complete",
        "product": "Death certificate extract and an updated family card",
        "requirements": [
            en("Death notification from a doctor, a hospital or the village head"),
            en("Family card of the deceased"),
            en("KTP-el of the deceased"),
            en("KTP-el of the person reporting the death"),
            en(
                "Statement of absolute responsibility (SPTJM) for the death data",
                "If there is no death notification.",
            ),
        ],
        "steps": [
            "Fill in the death report form (F-2.01).",
            "Hand in the form and the requirements at the Disdukcapil counter.",
            "The clerk records the death and updates the family card.",
            "The death certificate extract and the new family card are handed to the person "
            "reporting.",
        ],
    },
    "dukcapil/surat-pindah": {
        "name": "Moving Certificate (SKPWNI)",
        "summary": "Moving certificate for residents who move out of Kutai Timur Regency or "
        "to another district.",
        "processing_time": "1 working day",
    },
    "dukcapil/pindah-datang": {"name": "Registration of Residents Moving In"},
    "dukcapil/kartu-identitas-anak": {
        "name": "Child Identity Card (KIA)",
        "summary": "Identity card for unmarried children under 17.",
        "processing_time": "1 working day",
    },
    "dukcapil/akta-perkawinan": {
        "name": "Marriage Certificate",
        "summary": "Registration of the marriage of non-Muslim residents married under their "
        "religion or belief (marriages of Muslims are registered at the KUA).",
        "processing_time": "1 working day after registration",
    },
    "dukcapil/akta-perceraian": {
        "name": "Divorce Certificate",
        "summary": "Registration of a divorce decided by a district court (for marriages "
        "registered at Disdukcapil).",
        "processing_time": "1 working day",
    },
    "dukcapil/identitas-kependudukan-digital": {
        "name": "Digital Population Identity (IKD) Activation"
    },
    "dukcapil/perubahan-biodata": {"name": "Change of Population Data"},
    "dpmptsp/nib": {
        "name": "Business Identification Number (NIB)",
        "summary": "Help with registering a business identification number (NIB) in OSS RBA: "
        "the identity of the business and, for low-risk businesses, also its business "
        "licence.",
        "processing_time": "Issued at once when the data in OSS are complete",
        "product": "Business Identification Number (NIB)",
        "requirements": [
            en("Business owner's KTP-el"),
            en("NPWP (a NIK already validated as a tax number)"),
            en("Active e-mail address and mobile number"),
            en(
                "Business address and location, line of business (KBLI), capital and number "
                "of workers"
            ),
        ],
        "steps": [
            "Create an account at oss.go.id with your NIK, e-mail address and mobile number.",
            "Complete the business data and choose the KBLI code of your activity.",
            "Check and accept the self-declaration.",
            "The NIB is issued and can be downloaded from OSS.",
        ],
    },
    "dpmptsp/pbg": {
        "name": "Building Approval (PBG)",
        "summary": "Approval to build, alter, extend or maintain a building (it replaces the "
        "IMB building permit), applied for through SIMBG.",
    },
    "dpmptsp/slf": {"name": "Certificate of Building Fitness (SLF)"},
    "dpmptsp/sip-dokter": {"name": "Practice Licence (SIP) for Doctors and Dentists"},
    "dpmptsp/sip-bidan": {"name": "Midwife Practice Licence (SIPB)"},
    "dpmptsp/sip-perawat": {"name": "Nurse Practice Licence (SIPP)"},
    "dpmptsp/izin-reklame": {"name": "Advertisement Permit"},
    "samsat/pkb-tahunan": {
        "name": "Annual Vehicle Tax (PKB) Payment and STNK Endorsement",
        "summary": "Pay the motor vehicle tax (PKB) and the road accident fund contribution "
        "(SWDKLLJ) every year, with the yearly endorsement of the vehicle registration "
        "certificate (STNK).",
        "processing_time": "Done the same day (about 30 minutes)",
        "product": "Endorsed STNK and tax notice (SKKP)",
        "requirements": [
            en("Original STNK (vehicle registration certificate)"),
            en("KTP-el in the name on the STNK"),
            en(
                "Stamped power of attorney and the KTP-el of the authorised person",
                "If someone comes on your behalf.",
            ),
        ],
        "steps": [
            "Take a queue number and hand the STNK and KTP-el to the registration counter.",
            "The clerk works out the PKB and SWDKLLJ due.",
            "Pay at the cashier (cash or cashless).",
            "Collect the endorsed STNK and the tax notice.",
        ],
    },
    "samsat/pkb-lima-tahunan": {
        "name": "Five-Yearly STNK Renewal and Number Plate Replacement",
        "summary": "A new vehicle registration certificate (STNK) and number plates (TNKB) "
        "every five years, together with the vehicle tax payment.",
    },
    "samsat/balik-nama": {"name": "Vehicle Ownership Transfer"},
    "samsat/mutasi-keluar": {"name": "Vehicle Transfer to Another Region"},
    "samsat/mutasi-masuk": {"name": "Registration of a Vehicle from Another Region"},
    "bpjs-kesehatan/pendaftaran-peserta-mandiri": {
        "name": "Self-Paying JKN Membership Registration (PBPU)",
        "summary": "Registration in the National Health Insurance (JKN, run by BPJS "
        "Kesehatan) for people who are not wage earners, and their families.",
        "processing_time": "Done at once; the card is active once the first contribution is "
        "paid (at the earliest 14 days after registration)",
        "product": "JKN membership number and digital KIS card (Mobile JKN app)",
        "requirements": [
            en("KTP-el of every family member being registered"),
            en("Family card"),
            en("Savings book or bank account for the automatic debit of contributions"),
            en("Active mobile number and e-mail address"),
        ],
        "steps": [
            "Hand in the requirements at the BPJS Kesehatan counter.",
            "Choose the care class and your first-level health facility (FKTP).",
            "Receive a virtual account number and pay the first contribution.",
            "The card becomes active and can be seen in the Mobile JKN app.",
        ],
    },
    "bpjs-kesehatan/pendaftaran-bayi-baru-lahir": {"name": "Newborn Registration in JKN"},
    "bpjs-kesehatan/perubahan-data-peserta": {"name": "Change of JKN Member Data"},
    "bpjs-kesehatan/pindah-faskes": {"name": "Change of First-Level Health Facility"},
    "polres/skck-baru": {
        "name": "New Police Clearance Certificate (SKCK)",
        "summary": "Police record certificate (SKCK) for job applications, civil service "
        "(CPNS) selection, school or other purposes.",
        "processing_time": "Done the same day if the requirements are complete",
        "product": "SKCK, valid for 6 months",
        "requirements": [
            en("KTP-el"),
            en("Family card"),
            en("Birth certificate or latest diploma"),
            en("Six colour passport photos, 4x6, red background", "Neat clothes with a collar."),
            en("Fingerprint card (taken at the Polres if you have none)"),
        ],
        "steps": [
            "Register online at skck.polri.go.id or at the counter.",
            "Your fingerprints are recorded.",
            "Your police record is checked.",
            "Pay the Rp30,000 fee (PNBP).",
            "The SKCK is printed and handed to you.",
        ],
    },
    "polres/skck-perpanjangan": {"name": "Police Clearance Certificate (SKCK) Renewal"},
    "polres/surat-keterangan-kehilangan": {"name": "Police Report of Loss"},
    "imigrasi/paspor-baru": {
        "name": "New Passport Application",
        "summary": "Ordinary passport for Indonesian citizens who have never had a passport; "
        "register first in the M-Paspor app.",
        "processing_time": "4 working days after the interview and payment",
        "product": "Ordinary passport",
        "requirements": [
            en("KTP-el"),
            en("Family card"),
            en("Birth certificate, diploma, marriage book or baptism certificate"),
            en(
                "Recommendation letter from an agency, for migrant workers or special purposes",
                "If any.",
            ),
        ],
        "steps": [
            "Register and choose a date in the M-Paspor app, then pay the fee (PNBP).",
            "Come on the chosen date with the original documents.",
            "Document check, photo, fingerprints and interview.",
            "Collect the passport on the date on your receipt.",
        ],
    },
    "imigrasi/penggantian-paspor": {"name": "Replacement of an Expired or Full Passport"},
    "imigrasi/paspor-hilang-rusak": {"name": "Replacement of a Lost or Damaged Passport"},
    "kpp-pratama/npwp-orang-pribadi": {
        "name": "Individual Taxpayer Registration (NPWP)",
        "summary": "Registration as an individual taxpayer; once validated, the NIK serves as "
        "the tax number (NPWP).",
        "processing_time": "Done at once if the data are complete",
        "product": "NPWP (NIK) and certificate of registration (Surat Keterangan Terdaftar)",
        "requirements": [
            en("KTP-el"),
            en(
                "Business certificate or documents of the business activity",
                "For those who run a business.",
            ),
            en("Active e-mail address and mobile number"),
        ],
        "steps": [
            "Fill in the registration form or register in Coretax DJP.",
            "The officer checks and validates your NIK.",
            "The NPWP and the certificate of registration are issued.",
        ],
    },
    "kpp-pratama/aktivasi-coretax": {"name": "Coretax DJP Account Activation"},
    "kpp-pratama/spt-tahunan": {"name": "Help with Filing the Annual Tax Return (SPT)"},
    "kpp-pratama/konsultasi-perpajakan": {"name": "Tax Consultation"},
    "bank-kaltimtara/pembukaan-rekening": {
        "name": "Savings Account Opening",
        "summary": "Open a personal savings account with an ATM/debit card.",
        "processing_time": "About 30 minutes",
        "product": "Savings book and ATM/debit card",
        "requirements": [
            en("KTP-el"),
            en("NPWP", "If you have one."),
            en("Active mobile number"),
            en("Initial deposit"),
        ],
        "steps": [
            "Take a customer service queue number.",
            "Fill in the account opening form.",
            "Your data and signature are verified.",
            "Make the initial deposit; receive your savings book and ATM card.",
        ],
    },
    "bank-kaltimtara/tabungan-simpel": {"name": "Student Savings Account (SimPel)"},
    "bank-kaltimtara/kredit-usaha-rakyat": {"name": "People's Business Credit (KUR) Application"},
    "bank-kaltimtara/pembayaran-pbb": {
        "name": "Land and Building Tax (PBB-P2) and Local Tax Payment"
    },
}
