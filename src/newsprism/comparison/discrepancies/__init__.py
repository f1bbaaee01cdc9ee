"""Where outlets contradict each other: numbers, times, places, roles, attributions."""
