"""Stories from a stream: group articles about one event, online, as they arrive."""
