"""Reading files into text and writing tables out."""
