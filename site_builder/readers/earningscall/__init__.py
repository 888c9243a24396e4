"""EarningsCall exports."""
