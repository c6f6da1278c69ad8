"""``vnplan serve``: the clerk's page on this computer (extra ``vnplan[web]``)."""

from __future__ import annotations

import sys
import webbrowser

import click

import vnplan.vocab as vocab
from vnplan.cli.common import LANG, guard
from vnplan.web import LOCAL_HOSTS, serve
from vnplan.web.app import MAX_UPLOAD


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but this computer's own opens the page to others.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port (0: any free one).")
@click.option("--profile", default=None, help="The profile chosen on the page at first (a shipped name).")
@click.option("--max-upload", type=click.IntRange(min=1), default=MAX_UPLOAD >> 20, show_default=True,
              help="Largest upload, in MB.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
@LANG
@guard
def serve_cmd(host: str, port: int, profile: str | None, max_upload: int, open_browser: bool, lang: str) -> None:
    """Serve the plan-checking page on this computer until Ctrl-C; uploads are deleted on exit."""
    said = {k: v.get(lang) for k, v in vocab.labels().command_line.items()}

    def ready(url: str) -> None:
        if host not in LOCAL_HOSTS:
            click.echo(said["not_local"].format(host=host), err=True)
        click.echo(said["serving"].format(url=url))
        sys.stdout.flush()
        if open_browser:
            webbrowser.open(url)

    serve(host=host, port=port, lang=lang, profile=profile, max_upload=max_upload << 20, ready=ready)
    click.echo(said["stopped"], err=True)
