"""serve: the local web app."""

from __future__ import annotations

from pathlib import Path

import click

from triangulate.cli import cli, db_option

WILDCARDS = ("0.0.0.0", "::", "")


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--max-bytes", type=int, default=None, help="Largest upload accepted, in bytes.")
@click.option(
    "--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
    help="A host name the app answers at, beside 127.0.0.1 and localhost (repeatable; * for any).",
)  # fmt: skip
@click.option(
    "--allow-private-urls", is_flag=True,
    help="Let URLs added through the app reach loopback and private addresses.",
)  # fmt: skip
def serve_command(
    db: Path | None,
    host: str,
    port: int,
    max_bytes: int | None,
    allowed_hosts: tuple[str, ...],
    allow_private_urls: bool,
) -> None:
    """Browse articles and dossiers, add articles and build dossiers in a browser.

    The app answers only requests addressed to 127.0.0.1, localhost or a name given with
    --allow-host (so that no other web page can reach it through its own name), and fetches
    URLs added through it only from public addresses unless --allow-private-urls is given.
    """
    import uvicorn

    from triangulate.settings import Settings
    from triangulate.web import create_app
    from triangulate.web.security import MAX_HEADER_BYTES

    settings = (
        Settings(db_path=db)
        if max_bytes is None
        else Settings(db_path=db, max_input_bytes=max_bytes)
    )
    names = set(allowed_hosts)
    if host not in WILDCARDS:
        names.add(host)  # the address it listens on is a name it is reached at
    app = create_app(
        settings.db, settings, allowed_hosts=names, allow_private_urls=allow_private_urls,
        create=False,
    )  # fmt: skip
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: other machines can reach this app", err=True)
    click.echo(f"triangulate: http://{host}:{port}/ ({settings.db})", err=True)
    uvicorn.run(
        app, host=host, port=port, log_level="warning",
        http="h11", h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )  # fmt: skip
