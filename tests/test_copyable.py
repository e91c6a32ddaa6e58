"""Copy boxes (components/copyable.py): the text shown and copied is the text given, never markup."""

from components.copyable import MARKER, copied_text, copy_box_html


def test_transcript_text_is_escaped_and_read_back_exactly():
    text = 'REPORTER asked: "Is <script>alert(1)</script> & {this} safe?" — it’s “quoted”'
    document = copy_box_html(text)
    assert "<script>alert(1)" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {this}" in document  # braces survive str.format
    assert copied_text(document) == text


def test_other_documents_are_not_copy_boxes():
    assert copied_text("<script>/* podium-close-sidebar */</script>") is None
    assert MARKER in copy_box_html("x")
