"""The interpreting service: booths, interpreter rosters of agencies, assignments and vendor tasks."""
