"""The grammar of .lkj files (lkj.lark), shipped inside the package as lkjipdsl.grammar.

It stands at the top of the repository and is mapped into the package by pyproject.toml
(`package-dir`); this file makes it a package, which a wheel and an editable install both
resolve, so that importlib.resources finds lkj.lark in either (lkjipdsl.syntax.lark_parser).
"""
