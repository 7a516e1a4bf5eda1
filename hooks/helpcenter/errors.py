"""The one error type a writer sees from our code."""


class ContentError(ValueError):
    """A mistake in content or data that a writer can fix; the message says where and how."""
