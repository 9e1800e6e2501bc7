"""Template blocks whose output is the same in every release of a batch, rendered once.

A batch renders one template thousands of times with the same context but for a few
names (the group's figures, its comparisons, its name). Most blocks of a release (the
release line, quotes, notes, about, contact) read none of them, or only a plain value
shared by many groups (`suppressed_cells`), so their output is the same every time: a
`BlockCache` renders such a block once per distinct value and replays its output.

Which names a block reads is found from the template source (Jinja's syntax tree), not
guessed: a block is replayed only if every name it reads, directly or through the
macros it calls, is either shared by every release or a plain value (text, a whole
number, a flag) included in the cache key. Anything it cannot follow makes the block
render every time: an include or import inside it, a nested block, `self` or `super()`,
a scoped block, a name set at a template's top level, a template that extends a
computed name, the `random` filter. A block that fails is not cached (each release
fails alike). The output replayed is what the block yielded when rendered, so the
release is the same, byte for byte (tests/batch/test_same_bytes.py). This rests on
filters and tests being functions of their arguments: pressgen's filters read nothing
from the context but its formatter, which every release of a batch shares.

The layout around the blocks is replayed too (`render`): when the top level of every
template of the chain reads only shared names, includes nothing and sets nothing that
the blocks rendered per release read, its output is the same text between the same
blocks in every release. It is recorded once (the top level run with each block standing
in as a marker), the blocks that come out the same folded into that text, and a release
is then that text with the few blocks that differ rendered in their places: the same
pieces, without running the layout's code and every block's output up through each
template of the chain again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import Environment, nodes
from jinja2.runtime import Context
from jinja2.utils import missing

#: The exact types a name's value may have to be part of a cache key.
_PLAIN = (str, int, bool, type(None))
_UNSAFE_NODES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends, nodes.Block)
_UNSAFE_NAMES = frozenset({"self", "super"})
_IMPURE_FILTERS = frozenset({"random"})

BlockFunction = Callable[[Context], Iterator[str]]


class BlockCache:
    """Replays blocks that read nothing that differs between releases.

    `varying` names the context entries that differ from one release to the next;
    `unique` those of them that never repeat (a block reading one is never cached).
    Everything else in the context must be the same objects for every render that uses
    this cache: one cache serves one batch's template, locale and shared context."""

    def __init__(self, env: Environment, varying: Iterable[str], unique: Iterable[str]) -> None:
        self._env = env
        self._varying = frozenset(varying)
        self._unique = frozenset(unique)
        self._replays: dict[tuple[str | None, BlockFunction], BlockFunction | None] = {}
        self._chains: dict[str | None, _Chain | None] = {}
        self._plans: dict[str | None, tuple[str | BlockFunction, ...] | None] = {}

    def install(self, context: Context) -> None:
        """Make `context`'s blocks replay what they can (before it is rendered)."""
        context.blocks = _Blocks(context.blocks, self, context.name)

    def render(self, context: Context) -> Iterator[str] | None:
        """The release's output from its recorded layout (see the module's docstring),
        or None: then render the template as usual, its blocks replayed where they can
        be (installed here). For render_template's `prepare`."""
        root = context.name
        if root not in self._plans:
            self._plans[root] = self._record(context)
        plan = self._plans[root]
        if plan is None:
            self.install(context)
            return None
        return _play(plan, context)

    def _record(self, context: Context) -> tuple[str | BlockFunction, ...] | None:
        """The layout's output as text and the blocks rendered per release, in order;
        None when the layout cannot be replayed (or recording it failed: the render
        then says why, as it would have)."""
        chain = self._chain(context.name)
        if context.name is None or chain is None or not chain.layout_is_shared(self._varying):
            return None
        env = context.environment
        try:
            template = env.get_template(context.name)
            recording = template.new_context(context.parent, shared=True)
            recorder = _Recorder(recording.blocks)
            recording.blocks = recorder
            pieces = list(template.root_render_func(recording))
        except Exception:
            return None
        plan: list[str | BlockFunction] = []
        private = set(chain.macros) | chain.assigned
        for piece in pieces:
            if isinstance(piece, _Slot):
                fn = recorder.functions[piece.index]
                keyed = self._plan(fn, context.name)
                replay = self.wrapped(fn, context.name)
                if keyed == () and replay is not None:
                    # The same in every release: rendered now, where the layout's
                    # macros are defined, and folded into the text.
                    recording.blocks = _Blocks(recorder, self, context.name)
                    try:
                        piece = "".join(replay(recording))
                    except Exception:
                        return None
                else:
                    # Rendered per release, where the layout's top level has not run:
                    # it must not read the macros or names the top level defines.
                    reads = _block_reads(chain, fn)
                    if reads is None or reads & private:
                        return None
                    plan.append(replay or fn)
                    continue
            elif not isinstance(piece, str) or _Slot.MARK in piece:
                return None  # a block's marker inside other text: a filter over a block
            if plan and isinstance(plan[-1], str):
                plan[-1] += piece
            else:
                plan.append(piece)
        return tuple(plan)

    def wrapped(self, fn: BlockFunction, root: str | None) -> BlockFunction | None:
        """`fn` replaying its output where it can; None if it must render every time."""
        key = (root, fn)
        if key not in self._replays:
            keyed = self._plan(fn, root)
            self._replays[key] = None if keyed is None else self._replay(fn, keyed)
        return self._replays[key]

    def _replay(self, fn: BlockFunction, keyed: tuple[str, ...]) -> BlockFunction:
        outputs: dict[tuple[Any, ...], tuple[str, ...]] = {}

        def replay(context: Context) -> Iterator[str]:
            values: list[Any] = []
            for name in keyed:
                v = context.resolve_or_missing(name)
                if v is not missing and type(v) not in _PLAIN:
                    return fn(context)  # not a plain value this time: render it
                values.append((type(v), v))
            key = tuple(values)
            parts = outputs.get(key)
            if parts is None:
                # One piece: each piece a block yields passes up through every template
                # of the chain, and the render joins them all the same.
                parts = outputs[key] = ("".join(fn(context)),)
            return iter(parts)

        return replay

    def _plan(self, fn: BlockFunction, root: str | None) -> tuple[str, ...] | None:
        """The varying names a block's output depends on, or None (cannot replay)."""
        block_name = fn.__name__.removeprefix("block_")
        owner = fn.__globals__.get("name")
        chain = self._chain(root)
        if chain is None or not isinstance(owner, str) or owner not in chain.blocks:
            return None
        block = chain.blocks[owner].get(block_name)
        if block is None or block.scoped:
            return None
        names = chain.reads(block)
        if names is None or names & self._unique or names & chain.assigned:
            return None
        return tuple(sorted(names & self._varying))

    def _chain(self, root: str | None) -> _Chain | None:
        if root not in self._chains:
            try:
                self._chains[root] = _Chain.parse(self._env, root) if root else None
            except Exception:  # unreadable or broken: the render itself says why
                self._chains[root] = None
        return self._chains[root]


def _play(plan: tuple[str | BlockFunction, ...], context: Context) -> Iterator[str]:
    for part in plan:
        if isinstance(part, str):
            yield part
        else:
            yield from part(context)


class _Slot:
    """Where the layout placed a block, in the recording of its output."""

    MARK = "\x00pressgen-block\x00"
    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index

    def __str__(self) -> str:
        return self.MARK


class _Recorder(dict[str, list[BlockFunction]]):
    """A recording context's blocks: each block the layout renders yields a marker,
    and the function that would have rendered it is noted."""

    def __init__(self, blocks: dict[str, list[BlockFunction]]) -> None:
        super().__init__(blocks)
        self.functions: list[BlockFunction] = []

    def __getitem__(self, name: str) -> list[BlockFunction]:
        stack = dict.__getitem__(self, name)
        slot = _Slot(len(self.functions))
        self.functions.append(stack[0])

        def marker(context: Context) -> Iterator[Any]:
            yield slot

        return [marker, *stack[1:]]


def _block_reads(chain: _Chain, fn: BlockFunction) -> set[str] | None:
    owner = fn.__globals__.get("name")
    if not isinstance(owner, str) or owner not in chain.blocks:
        return None
    block = chain.blocks[owner].get(fn.__name__.removeprefix("block_"))
    if block is None or block.scoped:
        return None
    return chain.reads(block)


class _Blocks(dict[str, list[BlockFunction]]):
    """A context's blocks, handing out the replaying version of each block it can."""

    def __init__(
        self, blocks: dict[str, list[BlockFunction]], cache: BlockCache, root: str | None
    ) -> None:
        super().__init__(blocks)
        self._cache = cache
        self._root = root

    def __getitem__(self, name: str) -> list[BlockFunction]:
        stack = dict.__getitem__(self, name)
        replay = self._cache.wrapped(stack[0], self._root) if stack else None
        return stack if replay is None else [replay, *stack[1:]]


class _Chain:
    """A template and the layouts it extends, as syntax trees: each one's blocks, its
    top-level macros, and every name set at a top level (read by blocks, not followed)."""

    def __init__(self) -> None:
        self.blocks: dict[str, dict[str, nodes.Block]] = {}
        self.macros: dict[str, list[nodes.Macro]] = {}
        self.assigned: set[str] = set()
        self.layout: list[nodes.Node] = []  # every template's top level

    @classmethod
    def parse(cls, env: Environment, root: str) -> _Chain | None:
        chain = cls()
        name: str | None = root
        while name is not None:
            if name in chain.blocks or env.loader is None:
                return None  # a loop of layouts: the render reports it
            source, filename, _ = env.loader.get_source(env, name)
            tree = env.parse(source, name, filename)
            chain.blocks[name] = {b.name: b for b in tree.find_all(nodes.Block)}
            name = None
            for node in _top_level(tree):
                chain.layout.append(node)
                if isinstance(node, nodes.Extends):
                    if not isinstance(node.template, nodes.Const):
                        return None  # which layout is computed: cannot follow
                    name = str(node.template.value)
                elif isinstance(node, nodes.Macro):
                    chain.macros.setdefault(node.name, []).append(node)
                elif isinstance(node, nodes.Import):
                    chain.assigned.add(node.target)
                elif isinstance(node, nodes.FromImport):
                    chain.assigned.update(n if isinstance(n, str) else n[1] for n in node.names)
                elif isinstance(node, nodes.Name) and node.ctx == "store":
                    chain.assigned.add(node.name)
        return chain

    def layout_is_shared(self, varying: frozenset[str]) -> bool:
        """Whether every template's top level renders alike in every release: it reads
        no varying name, includes nothing, calls no impure filter and never `self`."""
        for node in self.layout:
            if isinstance(node, nodes.Include):
                return False
            if isinstance(node, nodes.Filter) and node.name in _IMPURE_FILTERS:
                return False
            if (
                isinstance(node, nodes.Name)
                and node.ctx == "load"
                and (node.name in varying or node.name in _UNSAFE_NAMES)
            ):
                return False
        return True

    def reads(self, node: nodes.Node, seen: set[str] | None = None) -> set[str] | None:
        """Every name `node` reads, through the top-level macros it calls; None when it
        does something that cannot be followed."""
        seen = set() if seen is None else seen
        if any(True for _ in node.find_all(_UNSAFE_NODES)):
            return None
        if any(f.name in _IMPURE_FILTERS for f in node.find_all(nodes.Filter)):
            return None
        names = {n.name for n in node.find_all(nodes.Name) if n.ctx == "load"}
        if names & _UNSAFE_NAMES:
            return None
        out = set(names)
        for name in names & set(self.macros):
            if name in seen:
                continue
            seen.add(name)
            for macro in self.macros[name]:
                more = self.reads(macro, seen)
                if more is None:
                    return None
                out |= more
        return out


def _top_level(tree: nodes.Node) -> Iterator[nodes.Node]:
    """The nodes of a template outside its blocks and macros (its top level)."""
    for child in tree.iter_child_nodes():
        yield child
        if not isinstance(child, nodes.Block | nodes.Macro):
            yield from _top_level(child)
