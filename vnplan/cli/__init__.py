"""The ``vnplan`` command line: a thin layer over the public API (argument parsing and the choice of a renderer).

Exit codes: 0 no error-level finding, 1 error-level findings, 2 unusable input or usage.
Errors are one line on standard error, never a traceback (set ``VNPLAN_DEBUG=1`` to see one).
Each command lives in a module of this package, imported only when it runs (:data:`COMMANDS`).
"""

from __future__ import annotations

import click

from vnplan.cli.common import Group
from vnplan.version import __version__

#: Every command: name → ``module:attribute`` of its click command or group.
COMMANDS: dict[str, str] = {
    "parse": "vnplan.cli.plan:parse_cmd",
    "check": "vnplan.cli.plan:check_cmd",
    "rules": "vnplan.cli.plan:rules_cmd",
    "profiles": "vnplan.cli.profile:profiles_cmd",
    "profile": "vnplan.cli.profile:profile_group",
    "skeleton": "vnplan.cli.skeleton:skeleton_cmd",
    "batch": "vnplan.cli.batch:batch_cmd",
    "register": "vnplan.cli.register:register_group",
    "serve": "vnplan.cli.serve:serve_cmd",
}


@click.group(cls=Group, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="vnplan")
def main() -> None:
    """vnplan: đọc và kiểm tra Kế hoạch hành chính (parse and check Vietnamese plans)."""


def run() -> None:  # pragma: no cover - console entry point wrapper
    main()


__all__ = ["COMMANDS", "main", "run"]
