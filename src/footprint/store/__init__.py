"""The SQLite session store: connection, schema and migrations, rows, sessions."""
