"""Packaging detail pyproject.toml cannot say: the top-level schemas/ folder ships as vnplan.schemas."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["vnplan", "vnplan.*"]), "vnplan.schemas"],
    package_dir={"vnplan.schemas": "schemas"},
)
