"""Deriving a draft profile from a parsed parent plan (lập hồ sơ yêu cầu từ kế hoạch cấp trên), for a person to review.

One requirement per item of the parent and per target and deadline it states, each with
evidence phrases that are specific (or stand beside the parent's subject), a kind, the part of
the unit plan where it counts, whether it is mandatory, where it comes from in the parent, and
what a reviewer should check. docs/compliance.md, "Deriving a profile", says how.

Modules, by idea: ``items`` (the parent's items and their places), ``words`` (the register, the
subject, paraphrases), ``phrases`` (cutting evidence phrases), ``kinds`` (kind, optional, lists in
one sentence, the theme), ``targets``, ``deadlines``, and ``build`` (the profile).
"""

from vnplan.profiles.derive.build import derive
from vnplan.profiles.derive.phrases import key_phrase

__all__ = ["derive", "key_phrase"]
