"""Prefect flows that wrap the tension stages; deployments live apart from flow code."""
