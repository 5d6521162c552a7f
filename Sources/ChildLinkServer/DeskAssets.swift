/// The desk's own style sheet and script, served from the binary: nothing is loaded from the
/// internet, and the Content-Security-Policy allows no inline script or style.
enum DeskAssets {
    /// Each asset's path, text and media type.
    static let files: [String: (text: String, type: String)] = [
        "/assets/desk.css": (stylesheet, "text/css; charset=utf-8"),
        "/assets/desk.js": (script, "text/javascript; charset=utf-8"),
    ]

    /// Keyboard shortcuts: a, r and s press the button or link marked `data-key`, unless the
    /// reviewer is typing in a field.
    static let script = """
        "use strict";
        document.addEventListener("keydown", function (event) {
          var target = event.target;
          if (event.ctrlKey || event.metaKey || event.altKey) { return; }
          if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) { return; }
          var control = document.querySelector('[data-key="' + event.key + '"]');
          if (control) { event.preventDefault(); control.click(); }
        });

        """

    /// Plain, printable styles; the differences between two children stand out.
    static let stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
        nav { background: #0b3d5c; color: #fff; padding: 0.6em 1em; }
        nav a { color: #fff; margin-left: 1.2em; }
        main { padding: 0 1.2em 2em; max-width: 80em; }
        .banner { background: #fff4cc; border-bottom: 1px solid #e0c060; margin: 0; padding: 0.5em 1em; }
        .recorded { background: #e3f4e1; border-left: 4px solid #2e7d32; padding: 0.5em; }
        .refused, .guard { background: #fde7e7; border-left: 4px solid #b3261e; padding: 0.5em; }
        table { border-collapse: collapse; margin: 0.6em 0 1.2em; }
        th, td { border: 1px solid #c8c8c8; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
        thead th { background: #eef2f5; }
        table.side td { min-width: 18em; }
        tr.differ td { background: #fde7e7; font-weight: 600; }
        tr.current td { background: #eef6fb; }
        .none { color: #888; }
        svg.waterfall { font-size: 12px; display: block; margin: 0.4em 0 1em; }
        svg.waterfall rect.for { fill: #2e7d32; }
        svg.waterfall rect.against { fill: #b3261e; }
        svg.waterfall rect.prior { fill: #6b7b8c; }
        svg.waterfall line.zero { stroke: #444; }
        svg.waterfall text.total { font-weight: 600; }
        form.decide label { display: block; margin-top: 0.5em; }
        form.decide .buttons { margin-top: 0.6em; }
        button, a.button { font: inherit; padding: 0.35em 0.9em; margin-right: 0.6em; border: 1px solid #0b3d5c;
          background: #f5f8fa; color: #0b3d5c; text-decoration: none; border-radius: 3px; cursor: pointer; }
        kbd { font-family: ui-monospace, monospace; background: #fff; border: 1px solid #999; padding: 0 0.25em; }
        form.search label { display: inline-block; margin: 0.3em 1em 0.3em 0; }
        form.revoke { display: inline; margin-left: 0.5em; }
        @media print { nav, form, .banner { display: none; } }

        """
}
