export default function unhomoglyph(text: string): string;
