"""Text helpers shared by every stage: people's and firms' names, unsafe characters, wording."""
