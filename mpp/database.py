"""How the app's connections talk to PostgreSQL: directly, or through a transaction pooler."""


def connection_options(db: dict, *, transaction_pooler: bool) -> None:
    """Set on a DATABASES entry. A statement's values are sent apart from its SQL, and an
    SQL run five times on a connection is prepared: PostgreSQL parses it once per
    connection, and plans it once where one plan serves any values (Django turns preparing
    off unless asked). Behind PgBouncer in transaction pooling mode a transaction may run
    on another server connection than the one before, where neither a prepared statement
    nor a server-side cursor (a named cursor that outlives its statement) exists."""
    db.setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=None if transaction_pooler else 5
    )
    db["DISABLE_SERVER_SIDE_CURSORS"] = transaction_pooler
