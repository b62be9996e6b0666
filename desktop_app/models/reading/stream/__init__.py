"""A large .xlsx sheet read from its XML as it inflates: in come the zip and the sheet's member,
out go its first rows as grid values, or only the columns asked for, as dictionary-encoded text."""
