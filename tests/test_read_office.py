"""Legacy office formats (.doc, .rtf, .odt, .wps) are read through LibreOffice when it is installed,
and refused with a message saying how to install it when it is not (vnplan/read/office.py).

Tests that run the real LibreOffice skip where ``soffice`` is not on the PATH; the ones about
the way vnplan runs it (private folder, own profile, time and size limits) use a stand-in
program and run everywhere LibreOffice could.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import minimal_ole, plan_docx
from real_corpus import materialise, shared_corpus

import vnplan
from vnplan.errors import CorruptFileError, EncryptedFileError, LimitExceededError, UnsupportedFormatError
from vnplan.read import limits, office, read

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: .doc/.rtf/.odt are converted with it")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the stand-in LibreOffice is a POSIX shell script")

WORD_DOC = minimal_ole({"WordDocument": b"\xec\xa5" + b"\x00" * 100, "1Table": b"\x00" * 10})
#: A Kế hoạch as built for the corpus (a borderless header table, Nơi nhận and signature table)
BAC_NINH = "own/kh-snv-bacninh-tuyen-truyen-cchc-2024.docx.txt"


def rtf(lines: list[str]) -> bytes:
    """An RTF document of one paragraph per line, non-ASCII letters as ``\\uN?`` escapes (as Word writes them)."""
    def esc(s: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in s)

    body = "".join(f"{{\\pard {esc(line)}\\par}}\n" for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs28\n" + body + "}").encode()


def odt(lines: list[str]) -> bytes:
    """A minimal OpenDocument text: ``mimetype`` first and stored, one ``text:p`` per line."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    paras = "".join(f"<text:p>{line}</text:p>" for line in lines)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
               f"<office:body><office:text>{paras}</office:text></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # stored, first
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


PLAN_LINES = ["ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Lục Ngạn, ngày 12 tháng 3 năm 2024", "KẾ HOẠCH",
              "Chuyển đổi số năm 2024", "I. MỤC ĐÍCH, YÊU CẦU", "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước.",
              "II. NỘI DUNG", "Triển khai các nền tảng số dùng chung.", "III. TỔ CHỨC THỰC HIỆN",
              "Phòng Văn hóa và Thông tin chủ trì theo dõi, đôn đốc./."]


# ----------------------------------------------------------------------- which files are converted


@pytest.mark.parametrize(("data", "suffix", "kind"), [
    (WORD_DOC, ".doc", "doc"),
    (WORD_DOC, ".wps", "wps"),  # WPS Office saves Word's binary format under .wps
    (minimal_ole({"CONTENTS": b"x", "MatOST": b"y"}), ".wps", "wps"),  # Microsoft Works
    (rtf(["Kế hoạch"]), ".doc", "rtf"),  # an RTF file named .doc (as many sites serve them)
    (b"\r\n  " + rtf(["Kế hoạch"]), ".rtf", "rtf"),
    (odt(["Kế hoạch"]), ".odt", "odt"),
    (plan_docx(), ".docx", None),
    (b"%PDF-1.7\n", ".pdf", None),
    ("Kế hoạch".encode(), ".txt", None),
])
def test_the_content_tells_which_files_are_converted(data, suffix, kind):
    assert office.kind_of(data, suffix, path=None) == kind


@pytest.mark.parametrize(("data", "what"), [
    (minimal_ole({"Workbook": b"x"}), "Excel"),
    (minimal_ole({"PowerPoint Document": b"x"}), "PowerPoint"),
    (odt(["x"]).replace(b"opendocument.text", b"opendocument.sheet", 1), "OpenDocument"),
])
def test_office_files_that_are_not_text_documents_are_unsupported(data, what):
    with pytest.raises(UnsupportedFormatError) as err:
        office.kind_of(data, ".doc", path="bang.xls")
    assert what in str(err.value)


def test_a_password_protected_office_file_stays_an_encrypted_file_error():
    with pytest.raises(EncryptedFileError):
        office.kind_of(minimal_ole({"EncryptionInfo": b"\x04\x00", "EncryptedPackage": b"\x00" * 64}), ".doc",
                       path=None)


# ----------------------------------------------------------------------- without LibreOffice


@pytest.mark.parametrize(("name", "data"), [("cu.doc", WORD_DOC), ("cu.rtf", rtf(PLAN_LINES)),
                                            ("cu.odt", odt(PLAN_LINES))])
def test_without_libreoffice_a_legacy_file_is_refused_saying_how_to_install_it(tmp_path, monkeypatch, name, data):
    monkeypatch.setenv(office.SOFFICE_ENV, "")  # as on a machine without LibreOffice
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnsupportedFormatError) as err:
        read(path)
    message = str(err.value)
    assert "LibreOffice is not installed" in message and "apt install libreoffice-writer-nogui" in message
    assert name in message and "\n" not in message


def test_the_libreoffice_program_can_be_named_or_switched_off(monkeypatch):
    monkeypatch.setenv(office.SOFFICE_ENV, sys.executable)
    assert office.soffice() == shutil.which(sys.executable)
    monkeypatch.setenv(office.SOFFICE_ENV, "")
    assert office.soffice() is None
    monkeypatch.setenv(office.SOFFICE_ENV, "khong-co-chuong-trinh-nay")
    assert office.soffice() is None


# ----------------------------------------------------------------------- how LibreOffice is run (a stand-in)


def stand_in(tmp_path: Path, body: str) -> str:
    """A program standing in for soffice: records its arguments, then runs ``body`` (sh) with
    $OUT the folder given after --outdir."""
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n"
                      f'echo "$@" >> "{tmp_path}/calls"\n'
                      'for a; do case "$prev" in --outdir) OUT="$a";; esac; prev="$a"; done\n'
                      + body + "\n")
    script.chmod(0o755)
    return str(script)


@posix_only
def test_conversion_runs_headless_in_a_private_folder_with_its_own_profile(tmp_path, monkeypatch):
    docx = tmp_path / "made.docx"
    docx.write_bytes(plan_docx())
    monkeypatch.setenv(office.SOFFICE_ENV, stand_in(tmp_path, f'cp "{docx}" "$OUT/document.docx"'))
    path = tmp_path / "ke-hoach.doc"
    path.write_bytes(WORD_DOC)
    doc = read(path)
    read(rtf(PLAN_LINES))
    assert doc.format == "doc" and doc.path == str(path)
    assert doc.blocks[0].text == "UBND TỈNH BẮC GIANG"  # the .docx LibreOffice gave, read as .docx
    assert any("LibreOffice" in w for w in doc.warnings)
    calls = [line.split() for line in (tmp_path / "calls").read_text().splitlines()]
    profiles = [next(a for a in c if a.startswith("-env:UserInstallation=file://")) for c in calls]
    assert len(set(profiles)) == 2  # one profile per conversion: parallel batch workers never share one
    for c in calls:
        assert "--headless" in c and c[c.index("--convert-to") + 1].startswith("docx")
        folder = Path(c[c.index("--outdir") + 1]).parent
        assert folder.name.startswith("vnplan-convert-") and not folder.exists()  # removed afterwards


@posix_only
def test_the_sha256_of_a_converted_file_is_that_of_the_file_itself(tmp_path, monkeypatch):
    import hashlib

    docx = tmp_path / "made.docx"
    docx.write_bytes(plan_docx())
    monkeypatch.setenv(office.SOFFICE_ENV, stand_in(tmp_path, f'cp "{docx}" "$OUT/document.docx"'))
    assert read(WORD_DOC).sha256 == hashlib.sha256(WORD_DOC).hexdigest()


@posix_only
def test_a_conversion_past_the_time_limit_is_stopped_with_everything_it_started(tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    monkeypatch.setenv(office.SOFFICE_ENV, stand_in(tmp_path, f'sleep 60 & echo $! > "{pids}"; wait'))
    monkeypatch.setattr(limits, "MAX_CONVERT_SECONDS", 1)
    t0 = time.monotonic()
    with pytest.raises(LimitExceededError) as err:
        read(WORD_DOC)
    assert time.monotonic() - t0 < 20
    assert "MAX_CONVERT_SECONDS" in str(err.value)
    child = int(pids.read_text())
    for _ in range(50):  # the sleeping grandchild was killed with its group
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the program LibreOffice started is still running")


@posix_only
def test_a_conversion_that_gives_no_docx_is_a_corrupt_file(tmp_path, monkeypatch):
    monkeypatch.setenv(office.SOFFICE_ENV, stand_in(tmp_path, "echo 'Error: source file could not be loaded'"))
    with pytest.raises(CorruptFileError) as err:
        read(WORD_DOC)
    assert "LibreOffice could not convert" in str(err.value)


@posix_only
def test_what_libreoffice_writes_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 100_000)
    monkeypatch.setenv(office.SOFFICE_ENV, stand_in(
        tmp_path, 'head -c 1000000 /dev/zero > "$OUT/document.docx"; echo done'))
    with pytest.raises(LimitExceededError) as err:
        read(WORD_DOC)
    assert "MAX_INPUT_BYTES" in str(err.value)


# ----------------------------------------------------------------------- with LibreOffice


@needs_soffice
def test_an_rtf_plan_is_read_through_libreoffice():
    doc = read(rtf(PLAN_LINES))
    assert doc.format == "rtf"
    assert [b.text for b in doc.blocks] == PLAN_LINES
    plan = vnplan.parse(doc)
    assert (plan.header.number, plan.header.symbol, plan.header.doc_type) == ("45", "KH-UBND", "Kế hoạch")


@needs_soffice
def test_an_odt_plan_is_read_through_libreoffice(tmp_path):
    path = tmp_path / "ke-hoach.odt"
    path.write_bytes(odt(PLAN_LINES))
    doc = read(path)
    assert (doc.format, doc.path) == ("odt", str(path))
    assert [b.text for b in doc.blocks] == PLAN_LINES


@needs_soffice
def test_a_word_plan_saved_as_odt_reads_as_the_same_document(tmp_path):
    fmt = "odt"
    source = materialise(BAC_NINH)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={profile}", "--convert-to", fmt,
                    "--outdir", str(tmp_path), str(source)], capture_output=True, check=True, timeout=300)
    other = read(tmp_path / f"{source.stem}.{fmt}")
    assert other.format == fmt
    assert [b.text for b in other.blocks] == [b.text for b in read(source).blocks]


@needs_soffice
def test_parallel_conversions_do_not_collide():
    results: list[object] = []

    def one(k: int) -> None:
        try:
            results.append(read(rtf([f"Kế hoạch số {k}"])).blocks[0].text)
        except Exception as exc:  # noqa: BLE001 - collected and shown by the assertion
            results.append(exc)

    threads = [threading.Thread(target=one, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(map(str, results)) == ["Kế hoạch số 0", "Kế hoạch số 1"]


SHARED = shared_corpus()
needs_shared = pytest.mark.skipif(SHARED is None, reason="the shared corpus (../shared/corpus) is absent")


@needs_soffice
@needs_shared
def test_a_real_legacy_doc_is_read_as_word_shows_it():
    doc = read(SHARED / "real" / "hanoi-15-qd-ubnd-2010.doc")  # type: ignore[operator]
    assert doc.format == "doc"
    assert [b.text for b in doc.blocks[:2]] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]


@needs_soffice
@needs_shared
def test_unicode_text_in_a_doc_whose_font_table_names_vntime_is_not_converted_from_tcvn3():
    # phutho-…: its font table lists .VnTime and .VnTimeH, its text is Unicode
    doc = read(SHARED / "real" / "phutho-stttt-kh-stttt-2011.doc")  # type: ignore[operator]
    assert [b.text for b in doc.blocks[:2]] == ["UBND TỈNH PHÚ THỌ", "SỞ THÔNG TIN VÀ TRUYỂN THÔNG"]
    assert not any("TCVN3" in w for w in doc.warnings)
