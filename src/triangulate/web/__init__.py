"""The local web app (FastAPI, server-rendered pages)."""

from triangulate.web.app import create_app

__all__ = ["create_app"]
