from workshopkit.cli import run

run()
