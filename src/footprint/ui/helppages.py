"""Help pages that need no audit: how to install footprint on a computer, and what it sends.

The application opens this page from any page's footer, so a doctor can set footprint up on
another computer (or send the page to a colleague) without a terminal.
"""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from footprint.ui.base import PageGroup


class HelpPages(PageGroup):
    """`/install`: installing footprint, in a doctor's words."""

    ROUTES = (("/install", "install", "GET"),)

    def install(self, request: Request) -> Response:
        return self.render("install.html")
