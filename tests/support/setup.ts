import '../../app/lib/zod-french';
