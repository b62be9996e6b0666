"""The báo cáo as an editable Word document (python-docx), in the layout of Nghị định 30/2020/NĐ-CP.

A Summary, the office's details and the chosen contents in; a .docx out, written all at once. Its
charts are pictures drawn by a renderer the caller passes in: the domain draws nothing itself.
"""
