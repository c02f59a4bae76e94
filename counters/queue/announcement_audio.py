"""The display board's voice: Ogg/Opus clips made at build time with espeak-ng's Indonesian
voice, one per word a call can need, so that no board depends on its browser's voices."""

import math
import shutil
import struct
import subprocess
import tempfile
import wave
from array import array
from pathlib import Path

from django.conf import settings
from django.templatetags.static import static

from counters.queue.speech import CHIME, clip_texts

# Served as static files (whitenoise, collectstatic), never committed: the build makes them.
STATIC_FOLDER = "announcement"
SUFFIX = ".ogg"
TOOLS = ("espeak-ng", "opusenc")
SPEECH_RATE_WPM = "140"
# Samples below this (of 32767) are the engine's leading and trailing silence.
SILENCE_LEVEL = 400
MARGIN_SECONDS = 0.04
CHIME_TONES_HZ = (659.25, 523.25)


class AudioToolMissing(RuntimeError):
    pass


def default_folder() -> Path:
    return Path(settings.BASE_DIR) / "static" / STATIC_FOLDER


def static_path(name: str) -> str:
    return f"{STATIC_FOLDER}/{name}{SUFFIX}"


def clip_urls(names: list[str]) -> list[str]:
    """The clips' static URLs; none when they were not built before collectstatic (the
    manifest then lacks them): the board speaks with the browser's speech synthesis."""
    try:
        return [static(static_path(name)) for name in names]
    except ValueError:
        return []


def _trim_silence(source: Path, target: Path) -> None:
    with wave.open(str(source)) as reader:
        params = reader.getparams()
        samples = array("h", reader.readframes(reader.getnframes()))
    loud = [index for index, sample in enumerate(samples) if abs(sample) > SILENCE_LEVEL]
    margin = int(params.framerate * MARGIN_SECONDS)
    start, end = max(loud[0] - margin, 0), min(loud[-1] + margin, len(samples))
    with wave.open(str(target), "wb") as writer:
        writer.setparams(params)
        writer.writeframes(samples[start:end].tobytes())


def _write_chime(target: Path, rate: int = 22050) -> None:
    """Two falling tones, each with a quick attack and a soft decay."""
    frames = bytearray()
    for frequency in CHIME_TONES_HZ:
        length = int(rate * 0.45)
        for index in range(length):
            envelope = min(index / (rate * 0.03), 1.0) * math.exp(-4.0 * index / length)
            value = 0.4 * envelope * math.sin(2 * math.pi * frequency * index / rate)
            frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(target), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(bytes(frames))


def _encode(source: Path, target: Path) -> None:
    # A fixed stream serial makes the same words give the same bytes, so the hashed static
    # names (and the TVs' caches) change only when a clip really changes.
    subprocess.run(
        ["opusenc", "--quiet", "--bitrate", "24", "--serial", "1", str(source), str(target)],
        check=True,
    )


def build_clips(folder: Path) -> dict[str, Path]:
    """Write every clip into `folder`; a clip whose bytes are unchanged is left alone."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise AudioToolMissing(
            "Needs " + ", ".join(missing) + " (Debian: apt-get install espeak-ng opus-tools)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        _write_chime(work / f"{CHIME}.wav")
        for name, text in clip_texts().items():
            raw = work / f"{name}.raw.wav"
            subprocess.run(
                ["espeak-ng", "-v", "id", "-s", SPEECH_RATE_WPM, "-w", str(raw), text],
                check=True,
                capture_output=True,
            )
            _trim_silence(raw, work / f"{name}.wav")
        for name in [CHIME, *clip_texts()]:
            encoded = work / f"{name}{SUFFIX}"
            _encode(work / f"{name}.wav", encoded)
            target = folder / encoded.name
            if not target.exists() or target.read_bytes() != encoded.read_bytes():
                # Replace in one step: a board may be fetching the old clip right now.
                shutil.copyfile(encoded, folder / f".{encoded.name}.part")
                (folder / f".{encoded.name}.part").replace(target)
            written[name] = target
    return written
