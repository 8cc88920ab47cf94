-- CreateEnum
CREATE TYPE "contact_kind" AS ENUM ('email', 'slack', 'mattermost', 'teams', 'ntfy', 'sms', 'voice');

-- CreateTable
CREATE TABLE "contact_methods" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "contact_kind" NOT NULL,
    "label" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "verified_at" TIMESTAMP(3),
    "last_test_at" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "contact_methods_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "contact_methods_user_id_idx" ON "contact_methods"("user_id");

-- AddForeignKey
ALTER TABLE "contact_methods" ADD CONSTRAINT "contact_methods_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
