"""Ways to run the WICT platform: `deploy.embedded` starts it from wheels on one machine."""
