"""Bad input: each kind fails with its own exception, before any harm, writing nothing."""

from __future__ import annotations

import io
import zipfile

import pytest

from docx_fixtures import minimal_ole, patch_zip, plan_docx
from vnplan.errors import (
    BinaryInputError,
    CorruptFileError,
    EmptyInputError,
    EncryptedFileError,
    InputError,
    UnsafeFileError,
    UnsupportedFormatError,
)
from vnplan.read import read, safety
from vnplan.read.docx import read_docx


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_an_empty_text_file_is_empty_input(tmp_path):
    with pytest.raises(EmptyInputError):
        read(write(tmp_path, "trong.txt", b"\n  \n"))


def test_a_zero_byte_docx_is_empty_input(tmp_path):
    with pytest.raises(EmptyInputError):
        read(write(tmp_path, "trong.docx", b""))
    with pytest.raises(EmptyInputError):
        read_docx(b"")


def test_a_truncated_docx_is_corrupt(tmp_path):
    data = plan_docx()
    with pytest.raises(CorruptFileError) as err:
        read(write(tmp_path, "cut.docx", data[: len(data) // 2]))
    assert "cut.docx" in str(err.value)


def test_a_docx_that_is_not_a_zip_at_all_is_corrupt(tmp_path):
    with pytest.raises(CorruptFileError):
        read(write(tmp_path, "fake.docx", b"this is not a zip archive"))


def test_a_zip_entry_with_a_bad_checksum_is_corrupt():
    data = bytearray(plan_docx())
    zf = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = zf.getinfo("word/document.xml")
    # flip one byte of the compressed document body
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    with pytest.raises(CorruptFileError):
        read_docx(bytes(data))


def test_a_zip_without_a_word_document_is_corrupt():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(CorruptFileError):
        read_docx(buf.getvalue())


def test_an_excel_workbook_is_an_unsupported_format():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError):
        read_docx(buf.getvalue())


def test_malformed_xml_is_corrupt():
    data = patch_zip(plan_docx(), {"word/document.xml": b"<w:document xmlns:w='x'><w:body><w:p>"})
    with pytest.raises(CorruptFileError) as err:
        read_docx(data)
    assert "word/document.xml" in str(err.value)


def test_an_encrypted_office_file_is_refused_as_encrypted(tmp_path):
    ole = minimal_ole({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x00" * 64})
    with pytest.raises(EncryptedFileError) as err:
        read(write(tmp_path, "mat-khau.docx", ole))
    assert "password" in str(err.value)


def test_without_libreoffice_a_legacy_binary_doc_is_unsupported_and_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("VNPLAN_SOFFICE", "")  # no LibreOffice (tests/test_read_office.py: with it)
    ole = minimal_ole({"WordDocument": b"\xec\xa5" + b"\x00" * 100, "1Table": b"\x00" * 10})
    with pytest.raises(UnsupportedFormatError) as err:
        read(write(tmp_path, "cu.doc", ole))
    assert "legacy binary Word document" in str(err.value) and "install LibreOffice" in str(err.value)


def test_the_ole_directory_is_walked_to_find_stream_names():
    ole = minimal_ole({"WordDocument": b"x", "1Table": b"y"})
    assert safety.ole_stream_names(ole) == ["Root Entry", "WordDocument", "1Table"]


def test_a_zip_bomb_is_refused_before_inflating(monkeypatch):
    monkeypatch.setattr(safety, "MAX_XML_BYTES", 1_000_000)
    padding = b"<!-- " + b" " * 2_000_000 + b" -->"
    xml = b'<?xml version="1.0"?>' + padding + b"<w:document xmlns:w='x'/>"
    data = patch_zip(plan_docx(), {"word/document.xml": xml})
    inflated = []
    monkeypatch.setattr(safety.Package, "read", lambda self, name: inflated.append(name))
    with pytest.raises(UnsafeFileError) as err:
        read_docx(data)
    assert "zip bomb" in str(err.value)
    assert inflated == []


def test_the_default_xml_budget_is_200_mb():
    assert safety.MAX_XML_BYTES == 200 * 1024 * 1024


def test_a_part_that_inflates_past_its_declared_size_is_refused():
    data = plan_docx()
    zf = zipfile.ZipFile(io.BytesIO(data))
    info = zf.getinfo("word/document.xml")
    raw = bytearray(data)
    # lie in both headers: declare 10 bytes for a much larger part
    for off in (info.header_offset + 22,):
        raw[off : off + 4] = (10).to_bytes(4, "little")
    cd = raw.find(b"PK\x01\x02")
    while cd != -1:
        name_len = int.from_bytes(raw[cd + 28 : cd + 30], "little")
        if raw[cd + 46 : cd + 46 + name_len] == b"word/document.xml":
            raw[cd + 24 : cd + 28] = (10).to_bytes(4, "little")
            break
        cd = raw.find(b"PK\x01\x02", cd + 1)
    assert zipfile.ZipFile(io.BytesIO(bytes(raw))).getinfo("word/document.xml").file_size == 10
    with pytest.raises((UnsafeFileError, CorruptFileError)):
        read_docx(bytes(raw))


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ MẬT")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
           "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>").encode()
    with pytest.raises(UnsafeFileError):
        read_docx(patch_zip(plan_docx(), {"word/document.xml": xml}))


def test_a_doctype_hidden_after_a_long_comment_is_still_refused():
    xml = ('<?xml version="1.0"?><!--' + " " * 5000 + '--><!DOCTYPE d [<!ENTITY a "aaaa">]>'
           "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
           "<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>").encode()
    with pytest.raises(UnsafeFileError):
        read_docx(patch_zip(plan_docx(), {"word/document.xml": xml}))


def test_a_docx_without_text_is_empty_input():
    from docx_fixtures import docx_with_body_xml

    with pytest.raises(EmptyInputError):
        read_docx(docx_with_body_xml("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>"))


def test_a_missing_path_and_a_directory_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "khong-co.docx")
    with pytest.raises(InputError, match="directory"):
        read(tmp_path)


def test_binary_junk_is_binary_input(tmp_path):
    with pytest.raises(BinaryInputError):
        read(write(tmp_path, "rac.txt", b"\x00\x01\x02garbage\x00" * 10))


def test_bad_input_writes_nothing_beside_the_file(tmp_path):
    path = write(tmp_path, "cut.docx", plan_docx()[:500])
    with pytest.raises(CorruptFileError):
        read(path)
    assert [p.name for p in tmp_path.iterdir()] == ["cut.docx"]


def test_every_error_message_is_one_line_naming_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("VNPLAN_SOFFICE", "")
    cases = [("a.docx", plan_docx()[:100]), ("b.doc", minimal_ole({"WordDocument": b"x"})), ("c.docx", b"")]
    for name, data in cases:
        with pytest.raises(InputError) as err:
            read(write(tmp_path, name, data))
        assert "\n" not in str(err.value) and name in str(err.value)


def test_without_libreoffice_an_rtf_file_saved_as_doc_is_unsupported_and_says_how_to_install_it(tmp_path,
                                                                                                  monkeypatch):
    monkeypatch.setenv("VNPLAN_SOFFICE", "")
    with pytest.raises(UnsupportedFormatError) as err:
        read(write(tmp_path, "cu.doc", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} K\\'ea ho\\'e1ch}"))
    assert "RTF" in str(err.value) and "install LibreOffice" in str(err.value)


def test_a_password_protected_pdf_is_encrypted(tmp_path):
    import pypdf

    from pdf_fixtures import simple_pdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(simple_pdf([[(72, 700, "Secret plan text here")]]))))
    writer.encrypt(user_password="matkhau", owner_password="chu", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(EncryptedFileError):
        read(write(tmp_path, "khoa.pdf", buf.getvalue()))


def test_a_pdf_with_only_an_owner_password_is_read(tmp_path):
    import pypdf

    from pdf_fixtures import simple_pdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(simple_pdf([[(72, 700, "Open plan text here")]]))))
    writer.encrypt(user_password="", owner_password="chu", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert [b.text for b in read(write(tmp_path, "mo.pdf", buf.getvalue())).blocks] == ["Open plan text here"]


def test_absurdly_deep_nesting_is_refused_as_unsafe():
    inner = "<w:sdt><w:sdtContent>" * 300 + "<w:p><w:r><w:t>sâu</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * 300
    xml = ("<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
           + inner + "</w:body></w:document>").encode()
    with pytest.raises(UnsafeFileError):
        read_docx(patch_zip(plan_docx(), {"word/document.xml": xml}))


def test_a_long_single_line_text_is_read_as_text_not_as_a_file_name():
    text = "KẾ HOẠCH " + "thanh toán trực tuyến đạt trên 70% quý IV năm 2024 " * 8
    assert len(text.encode()) > 255 and "\n" not in text
    assert read(text).blocks[0].text.startswith("KẾ HOẠCH")


def test_an_unusable_file_name_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        read(tmp_path / ("x" * 300 + ".docx"))
