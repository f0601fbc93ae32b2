"""Natural partnerships: who chose to work with whom in choice time, as the teacher saw
it. The planner counts them like a choice (classes.services.class_roster)."""
