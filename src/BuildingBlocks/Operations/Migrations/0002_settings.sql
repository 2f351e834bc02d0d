-- Settings operators change at run time; every host reads them within seconds. Each change is kept with who, when and why.
CREATE TABLE settings (
    key text PRIMARY KEY,
    value text NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_by text NOT NULL
);

CREATE TABLE setting_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text NOT NULL,
    old_value text NULL,
    new_value text NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    reason text NOT NULL
);
