"""The board's announcement: one spelling rule for text and clips, and clips that are real,
audible Ogg/Opus audio made by espeak-ng's Indonesian voice."""

import string
import subprocess
import wave
from array import array

import pytest
from django.core.management import call_command

from counters.queue.speech import CHIME, LETTER_NAMES, call_announcement, call_clips, clip_texts


@pytest.fixture(scope="module")
def clip_folder(tmp_path_factory, audio_tools):
    folder = tmp_path_factory.mktemp("announcement")
    call_command("build_announcement_audio", output=folder)
    return folder


def decoded(path, tmp_path) -> tuple[float, float]:
    """(seconds, RMS level of 0..1) of an Ogg/Opus file, decoded by the reference decoder."""
    target = tmp_path / f"{path.stem}.wav"
    subprocess.run(["opusdec", "--quiet", str(path), str(target)], check=True)
    with wave.open(str(target)) as reader:
        samples = array("h", reader.readframes(reader.getnframes()))
        seconds = reader.getnframes() / reader.getframerate()
    rms = (sum(sample * sample for sample in samples) / len(samples)) ** 0.5 / 32768
    return seconds, rms


def test_every_clip_a_call_needs_is_built_as_audible_ogg_opus(clip_folder, tmp_path):
    names = {path.stem for path in clip_folder.glob("*.ogg")}
    assert names == {CHIME, *clip_texts()}
    for path in sorted(clip_folder.glob("*.ogg")):
        header = path.read_bytes()[:64]
        assert header.startswith(b"OggS") and b"OpusHead" in header, path.name
        seconds, rms = decoded(path, tmp_path)
        assert 0.1 < seconds < 3.0, (path.name, seconds)
        assert rms > 0.02, (path.name, rms)
    assert sum(path.stat().st_size for path in clip_folder.glob("*.ogg")) < 200 * 1024


def test_building_again_leaves_unchanged_clips_byte_for_byte(clip_folder, tmp_path):
    call_command("build_announcement_audio", output=tmp_path)
    for path in clip_folder.glob("*.ogg"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_every_call_is_spoken_with_built_clips_in_the_order_of_its_text():
    vocabulary = {CHIME, *clip_texts()}
    for prefix in [*string.ascii_uppercase, "AB", "KTP"]:
        for number in [1, 9, 10, 11, 12, 19, 20, 99, 100, 101, 999, 1000]:
            for counter in [1, 3, 10, 11, 12, 15, 20, 21, 100, 111, 250, 1200]:
                clips = call_clips(prefix=prefix, number=number, counter_number=counter)
                assert clips[0] == CHIME and set(clips) <= vocabulary
                text = call_announcement(prefix=prefix, number=number, counter_number=counter)
                as_read = [
                    LETTER_NAMES.get(word, word.lower()) for word in text.replace(",", "").split()
                ]
                assert " ".join(clip_texts()[name] for name in clips[1:]) == " ".join(as_read)


def test_a_call_for_a_001_at_counter_12_reads_as_printed_then_the_counter_as_a_number():
    assert call_clips(prefix="A", number=1, counter_number=12) == [
        "chime",
        "nomor-antrian",
        "huruf-a",
        "nol",
        "nol",
        "satu",
        "silakan-menuju-loket",
        "dua",
        "belas",
    ]
    assert (
        call_announcement(prefix="A", number=1, counter_number=12)
        == "Nomor antrian A nol nol satu, silakan menuju loket dua belas"
    )
