"""The units table: a Summary in, a sortable, filterable Qt table model and its frozen view out."""
