"""serve: the local web app."""

from __future__ import annotations

from pathlib import Path

import click

from triangulate.cli import cli, db_option


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--max-bytes", type=int, default=None, help="Largest upload accepted, in bytes.")
def serve_command(db: Path | None, host: str, port: int, max_bytes: int | None) -> None:
    """Browse articles and dossiers, add articles and build dossiers in a browser."""
    import uvicorn

    from triangulate.settings import Settings
    from triangulate.web import create_app

    settings = (
        Settings(db_path=db)
        if max_bytes is None
        else Settings(db_path=db, max_input_bytes=max_bytes)
    )
    app = create_app(settings.db, settings)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: other machines can reach this app", err=True)
    click.echo(f"triangulate: http://{host}:{port}/ ({settings.db})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
