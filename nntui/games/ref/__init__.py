"""Reference lab: tables, explorers and rules of thumb, and the glossary."""
