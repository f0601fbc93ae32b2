"""A class's insights: per student, how varied and balanced partner work has been;
for the class, partnerships that never change. Read-only: no models of its own."""
