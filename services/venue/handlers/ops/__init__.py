"""The ops console's use cases: sagas by state and stuck, dead letters, every service's health."""
