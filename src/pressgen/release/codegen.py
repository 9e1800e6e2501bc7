"""The sandbox's code generator: what templates compile to, where plain Jinja's code
would let a template exhaust the machine or escape its own Markdown twice.

- `a ~ b` compiles to a call that checks the size first (Jinja has no hook for it);
- a macro's output is `MarkdownText`: what the template wrote, with every value in it
  already escaped as it was printed inside the macro, so printing the macro's output
  escapes nothing again. (Without this a table row built in a macro printed as
  `\\| England \\|` unless the author added `| md`.)

Compiled templates kept on disk are filed by this module's source (see `compiled`), so
code compiled by an earlier version of it is never loaded.
"""

from __future__ import annotations

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Macro

from pressgen.release.escape import MarkdownText


class MarkdownMacro(Macro):
    """A macro whose output is Markdown the template wrote (see the module's notes)."""

    def _invoke(self, arguments: list[object], autoescape: bool) -> str:
        return MarkdownText(super()._invoke(arguments, autoescape))


def markdown_macro(macro: Macro) -> Macro:
    """The macro Jinja made, as a `MarkdownMacro` (same state, other `_invoke`)."""
    macro.__class__ = MarkdownMacro
    return macro


class LimitedCodeGenerator(CodeGenerator):
    """Size-checked concatenation and macros whose output is Markdown."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"environment.limited_concat({func_name}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def macro_def(self, macro_ref: object, frame: Frame) -> None:
        self.write("environment.markdown_macro(")
        super().macro_def(macro_ref, frame)  # type: ignore[arg-type]
        self.write(")")
