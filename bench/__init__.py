"""Benches: see bench/__main__.py (``python -m bench``) and bench/budgets.py."""
