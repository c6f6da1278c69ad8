"""Invariants of skeleton generation over many unit names (hypothesis, a few dozen examples)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnplan
from vnplan.generate import build, placeholders
from vnplan.generate.markdown import render

PROFILE = "bacgiang-14-KH-UBND-2024"
HEADS = ["Sở", "Ban", "Trung tâm", "Chi cục", "Văn phòng"]
WORDS = ["Văn", "hóa", "Thể", "thao", "Du", "lịch", "Nông", "nghiệp", "Phát", "triển", "nông", "thôn", "Giáo",
         "dục", "Đào", "tạo", "Tài", "nguyên", "Môi", "trường", "Xây", "dựng", "Công", "Thương", "Dân", "tộc",
         "Quản", "lý", "Dự", "án", "Kiểm", "lâm", "Thủy", "lợi", "và", "Khoa", "học", "Công", "nghệ"]

units = st.builds(lambda head, words: " ".join([head, *words]).replace(" và và", " và"),
                  st.sampled_from(HEADS), st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)).filter(
    lambda u: not u.endswith(" và"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=units, deputy=st.booleans(), lang=st.sampled_from(["vi", "en"]))
def test_any_unit_name_parses_back_as_the_issuer_with_every_requirement_placed(unit, deputy, lang):
    sk = build(PROFILE, unit=unit, parent_unit="UBND tỉnh Bắc Giang", symbol="KH-ABC", deputy=deputy,
               signer_name="Nguyễn Văn An", lang=lang)
    text = render(sk)
    plan = vnplan.parse(vnplan.read(text, format="markdown"))
    assert plan.header.authority == unit.upper()
    assert plan.header.parent_authority == "UBND TỈNH BẮC GIANG"
    assert plan.signature.signer == "Nguyễn Văn An"
    assert plan.signature.position.startswith("PHÓ ") == deputy
    assert len(placeholders.find(text)) == len(sk.placeholder_ids)
    assert plan.other == ()
