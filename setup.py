"""Packaging detail pyproject.toml cannot say: the top-level schemas/ folder ships as vnplan.schemas.

Packages are discovered as namespace packages, so a data folder such as ``vnplan/profiles/data``
is part of the distribution without an ``__init__.py``; ``package-data`` in pyproject.toml
takes every file in them (tests/test_packaging.py checks the built wheel).
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["vnplan", "vnplan.*"], exclude=["*.__pycache__"]), "vnplan.schemas"],
    package_dir={"vnplan.schemas": "schemas"},
)
