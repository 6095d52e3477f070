"""The contact log's downloads: the export the terminal writes, handed to the browser.

The files are made by `footprint.log.export` itself (the same checks, digest and seal as the
terminal's export), written to a private temporary folder inside the log's own folder, and sent
either one by one or together, with the kept files, as one ZIP. Kept files are sent only after
their fingerprint is checked again, and only pictures are ever shown in the page itself.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from werkzeug.wrappers import Response

from footprint.log import export
from footprint.log.attachments import read_kept
from footprint.log.database import LogStore
from footprint.log.models import Attachment
from footprint.log.uploads import sniff
from footprint.util import pdf

ALL = "all"
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}


def formats_offered() -> list[str]:
    """The formats this computer can make: PDF only when WeasyPrint is usable."""
    return [f for f in export.FORMATS if f != "pdf" or pdf.available()]


def export_response(store: LogStore, chosen: str, doctor: export.DoctorDetails) -> Response:
    """The download: one format, or every format and the kept files in a ZIP.

    A log that does not verify is exported whole with the damage marked (the core's rule), so
    no evidence is lost and nobody is misled.
    """
    formats = formats_offered() if chosen == ALL else [chosen]
    built = export.build(store, doctor)
    day = built.exported_at[:10]
    with tempfile.TemporaryDirectory(prefix=".export-", dir=store.folder) as folder:
        out = Path(folder)
        paths = export.write(built, store, out, formats)
        if chosen != ALL:
            name = f"{export.BASENAME}-{day}.{chosen}"
            return download(paths[0].read_bytes(), MEDIA_TYPES[chosen], name)
        return download(_zipped(out, paths, f"{export.BASENAME}-{day}"), "application/zip",
                        f"{export.BASENAME}-{day}.zip")  # fmt: skip


def _zipped(root: Path, paths: list[Path], top: str) -> bytes:
    """The written files in one ZIP, inside a folder named like the ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            archive.write(path, f"{top}/{path.relative_to(root).as_posix()}")
    return buffer.getvalue()


def download(data: bytes, media_type: str, filename: str) -> Response:
    """A file the browser saves rather than shows (`filename` is always one footprint made)."""
    response = Response(data, content_type=media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def kept_file_response(store: LogStore, seq: int, number: int, attachment: Attachment) -> Response:
    """A kept file: a picture is shown in the page, anything else is saved; a copy whose bytes
    no longer match the fingerprint taken when it was added is not sent at all."""
    data = read_kept(store.attachment_path(attachment), attachment.sha256)  # checked as read
    if data is None:
        return Response(
            "This file has changed or is missing since it was kept.",
            status=409,
            content_type="text/plain; charset=utf-8",
        )
    kind = sniff(data)
    if attachment.is_image and kind is not None and kind.media_type == attachment.media_type:
        return Response(data, content_type=attachment.media_type)
    suffix = Path(attachment.stored_name).suffix  # the log keeps only a short, plain extension
    return download(data, "application/octet-stream", f"entry-{seq}-file-{number}{suffix}")
